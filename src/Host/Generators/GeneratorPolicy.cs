using Platform.Host.Cli;
using Platform.Host.Init;

namespace Platform.Host.Generators;

/// <summary>
/// When generators run. systemd runs them only in a running manager, never offline, because generators describe the
/// machine they run on (its kernel command line, fstab, consoles, PID 1's environment), not a tree on disk. So here:
/// at the boot of an init, and on <c>daemon-reload</c> for the real root (<c>/</c>: the machine itself, with or
/// without our init), or for a <c>--root</c> only while an init of ours runs for that root. <c>Generators=yes</c>
/// (<c>-c Generators=yes</c>) runs them for any root, <c>Generators=no</c> never.
/// </summary>
internal static class GeneratorPolicy
{
    public static bool AtBoot(HostContext ctx) => !IsNo(ctx.Config.Generators);

    public static bool OnReload(HostContext ctx, InitState init)
    {
        var setting = ctx.Config.Generators;
        if (IsNo(setting)) return false;
        if (setting is "yes" or "true" or "on" or "1") return true;
        return ctx.RootOrSlash == "/" || init.RunningPid() is not null;
    }

    private static bool IsNo(string setting) => setting is "no" or "false" or "off" or "0";
}
