using Platform.Abstractions;
using Platform.Host.Cli;

namespace Platform.Host;

/// <summary>
/// One binary answers as systemctl, journalctl and systemd-notify, chosen by the name it was started under,
/// so an image needs one install folder and three links.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var name = InvocationName.Get();
        try
        {
            if (args.Length > 0 && args[0].StartsWith("__", StringComparison.Ordinal))
                return InternalModes.Run(args);
            return name switch
            {
                "journalctl" => Entry.Journalctl(args),
                "systemd-notify" => Entry.SystemdNotify(args),
                _ => Dispatcher.Run(ArgParser.Parse(args)),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"{name}: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace for the user; -vv style diagnostics can ask for more via PLATFORM_DEBUG.
            Console.Error.WriteLine($"{name}: {ErrorText.DescribeWithPath(e)}");
            if (Environment.GetEnvironmentVariable("PLATFORM_DEBUG") == "1") Console.Error.WriteLine(e);
            return ExitCodes.Failure;
        }
    }
}
