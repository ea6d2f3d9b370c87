using Platform.Host.Cli;
using Platform.Units;

namespace Platform.Host.Commands.Install;

/// <summary>Creates the installer for a command line and prints its results the way systemctl 252 does.</summary>
internal static class InstallOutput
{
    /// <summary>
    /// An installer over the context's unit folders. With <c>--root</c> it words errors as the real
    /// <c>systemctl --root=DIR</c> does (offline); on the live system as systemctl talking to a manager.
    /// </summary>
    public static UnitInstaller Installer(HostContext ctx) => new(ctx.Units, new InstallOptions
    {
        Style = ctx.Root.Length > 0 ? InstallMessageStyle.Offline : InstallMessageStyle.Daemon,
        Force = ctx.Options.Force,
    });

    /// <summary>
    /// Writes stdout and stderr lines and returns the exit code. <paramref name="quiet"/> drops the informational
    /// lines (created/removed links, notices) but never errors, as systemctl's <c>-q</c> does.
    /// </summary>
    public static int Print(HostContext ctx, InstallResult result, bool quiet)
    {
        if (!quiet)
            foreach (var line in result.Stdout) ctx.Out.WriteLine(line);
        var inNotice = false;
        foreach (var line in result.Stderr)
        {
            // The "no installation config" notice always comes last and spans several lines.
            if (line.StartsWith("The unit files have no installation config", StringComparison.Ordinal))
                inNotice = true;
            if (quiet && (inNotice || IsProgress(line))) continue;
            ctx.Err.WriteLine(line);
        }
        return result.ExitCode;
    }

    private static bool IsProgress(string line)
        => line.StartsWith("Created symlink ", StringComparison.Ordinal)
           || line.StartsWith("Removed \"", StringComparison.Ordinal)
           || line.StartsWith("Unit ", StringComparison.Ordinal);
}
