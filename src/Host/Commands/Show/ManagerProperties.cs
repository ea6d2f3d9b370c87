using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Host.Cli;

namespace Platform.Host.Commands.Show;

/// <summary>
/// What <c>show</c> without a unit prints: a small, daemon-free subset of the manager's properties in systemd's
/// order. Values that only a running manager knows (jobs, cgroups, timestamps) are left out.
/// </summary>
internal static class ManagerProperties
{
    public static IEnumerable<(string Key, string Value)> All(HostContext ctx)
    {
        yield return ("Version", VersionCommand.CompatibleSystemd);
        yield return ("Features", VersionCommand.Features);
        yield return ("Architecture", Architecture());
        yield return ("Virtualization", File.Exists("/.dockerenv") ? "docker" : "");
        yield return ("Environment", string.Join(' ', Platform.Host.Lifecycle.ManagerEnvironment.Effective(ctx)
            .Select(p => Platform.Host.Output.ShellQuote.Double(p.Key + "=" + p.Value))));
        yield return ("UnitPath", UnitPath(ctx));
        yield return ("DefaultStandardOutput", "journal");
        yield return ("DefaultStandardError", "inherit");
        yield return ("DefaultTimerAccuracyUSec", "1min");
        yield return ("DefaultTimeoutStartUSec", SystemdValues.FormatTimeSpan(ctx.Config.DefaultTimeoutStartSec));
        yield return ("DefaultTimeoutStopUSec", SystemdValues.FormatTimeSpan(ctx.Config.DefaultTimeoutStopSec));
        yield return ("DefaultTimeoutAbortUSec", "1min 30s");
        yield return ("DefaultRestartUSec", "100ms");
        yield return ("DefaultStartLimitIntervalUSec", "10s");
        yield return ("DefaultStartLimitBurst", "5");
    }

    private static string UnitPath(HostContext ctx)
    {
        var dirs = new List<string>();
        foreach (var d in ctx.Units.Paths.SearchPath) dirs.Add(d.InRoot);
        return string.Join(' ', dirs);
    }

    internal static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86-64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.X86 => "x86",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };
}
