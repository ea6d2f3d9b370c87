using System.Globalization;
using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// Formats a process exit the way systemd logs it: <c>code=exited, status=1/FAILURE</c>, <c>code=killed,
/// status=15/TERM</c>.
/// </summary>
internal static class ExitText
{
    public static string Describe(ProcessExit exit)
    {
        var status = exit.Status.ToString(CultureInfo.InvariantCulture);
        return exit.Code switch
        {
            ProcessExit.Killed => $"code=killed, status={status}/{SignalName(exit.Status)}",
            ProcessExit.Dumped => $"code=dumped, status={status}/{SignalName(exit.Status)}",
            _ => $"code=exited, status={ExitStatusNames.Describe(exit.Status)}",
        };
    }

    private static string SignalName(int signal) =>
        SignalNames.Name(signal) is var name && name.StartsWith("SIG", StringComparison.Ordinal)
        ? name[3..] : "UNKNOWN";
}
