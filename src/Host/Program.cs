using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Plugins;

namespace Platform.Host;

/// <summary>
/// One binary answers as systemctl, journalctl and systemd-notify, chosen by the name it was started under,
/// so an image needs one install folder and three links.
/// </summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, nativeFrontEnd: true);

    /// <summary>
    /// Runs one call. The native front end first hands the call to the managed plugin host when a third-party plugin
    /// is installed (<see cref="PluginHandOff"/>); the plugin host itself runs it here directly.
    /// </summary>
    internal static int Run(string[] args, bool nativeFrontEnd)
    {
        var name = InvocationName.Get();
        try
        {
            if (nativeFrontEnd) PluginHandOff.IfNeeded(name, args);
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
