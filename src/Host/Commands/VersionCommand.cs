using System.Reflection;
using Platform.Host.Cli;

namespace Platform.Host.Commands;

/// <summary>
/// <c>--version</c>: names the systemd version whose behaviour we follow, as tools parse the first line's number.
/// </summary>
internal static class VersionCommand
{
    /// <summary>The systemd release this implementation is compared against.</summary>
    public const string CompatibleSystemd = "252";

    /// <summary>
    /// The second line of <c>--version</c> and the manager's <c>Features</c> property: what this build can do.
    /// </summary>
    public const string Features = "+DAEMONLESS +PLUGINS +NOTIFY +JOURNAL-FILE +SQLITE +CGROUPS -DBUS";

    public static int Run(HostContext ctx)
    {
        var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? "0";
        var plus = version.IndexOf('+');
        if (plus >= 0) version = version[..plus];
        ctx.Out.WriteLine($"systemd {CompatibleSystemd} (platform {version})");
        ctx.Out.WriteLine(Features);
        return ExitCodes.Success;
    }
}
