using System.Globalization;
using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>Formats a process exit the way systemd logs it: <c>code=exited, status=1/FAILURE</c>, <c>code=killed, status=15/TERM</c>.</summary>
internal static class ExitText
{
    private static readonly string[] Signals =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    public static string Describe(ProcessExit exit)
    {
        var status = exit.Status.ToString(CultureInfo.InvariantCulture);
        return exit.Code switch
        {
            ProcessExit.Killed => $"code=killed, status={status}/{SignalName(exit.Status)}",
            ProcessExit.Dumped => $"code=dumped, status={status}/{SignalName(exit.Status)}",
            _ => $"code=exited, status={status}/{StatusName(exit.Status)}",
        };
    }

    private static string SignalName(int signal) => signal > 0 && signal < Signals.Length ? Signals[signal] : "UNKNOWN";

    private static string StatusName(int status) => status switch
    {
        0 => "SUCCESS",
        1 => "FAILURE",
        2 => "INVALIDARGUMENT",
        3 => "NOTIMPLEMENTED",
        4 => "NOPERMISSION",
        5 => "NOTINSTALLED",
        6 => "NOTCONFIGURED",
        7 => "NOTRUNNING",
        200 => "CHDIR",
        203 => "EXEC",
        216 => "GROUP",
        217 => "USER",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };
}
