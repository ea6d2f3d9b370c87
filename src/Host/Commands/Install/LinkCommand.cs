using Platform.Host.Cli;
using Platform.Units;

namespace Platform.Host.Commands.Install;

/// <summary>
/// <c>link PATH...</c>: makes unit files outside the unit folders known by linking them into the configuration
/// folder (the runtime one with <c>--runtime</c>). An existing identical link is left alone; another file in the
/// way is an error unless <c>--force</c>.
/// </summary>
internal static class LinkCommand
{
    public static int Run(HostContext ctx)
    {
        var paths = ctx.Units.Paths;
        var offline = ctx.Root.Length > 0;
        var arrow = InstallOptions.LocaleIsUtf8() ? "→" : "->";
        var folder = ctx.Options.Runtime ? paths.RuntimeConfigDirectory.Path : paths.ConfigDirectory.Path;
        foreach (var arg in ctx.Options.Arguments)
        {
            var target = Path.IsPathRooted(arg) ? Path.GetFullPath(arg)
                : Path.GetFullPath(arg, Environment.CurrentDirectory);
            var name = Path.GetFileName(target);
            if (!UnitNames.IsValid(name)) return InstallCommands.Fail(ctx, "Failed to link unit: Invalid argument.");
            if (!File.Exists(paths.Under(target)))
                return InstallCommands.Fail(ctx, offline
                    ? $"Failed to link unit, unit {target} does not exist."
                    : $"Failed to link unit: Unit file {target} does not exist.");
            var link = Path.Join(folder, name);
            var info = new FileInfo(link);
            if (info.LinkTarget is { } existing && existing == target) continue;
            if (info.LinkTarget is not null || info.Exists)
            {
                if (!ctx.Options.Force) return InstallCommands.Fail(ctx, InTheWay(offline, link, info.LinkTarget));
                File.Delete(link);
                if (!ctx.Options.Quiet) ctx.Err.WriteLine($"Removed \"{link}\".");
            }
            Directory.CreateDirectory(folder);
            File.CreateSymbolicLink(link, target);
            if (!ctx.Options.Quiet) ctx.Err.WriteLine($"Created symlink {link} {arrow} {target}.");
        }
        ctx.Units.Invalidate();
        return ExitCodes.Success;
    }

    private static string InTheWay(bool offline, string link, string? target) => (offline, target) switch
    {
        (true, null) => $"Failed to link unit, file \"{link}\" already exists.",
        (true, _) => $"Failed to link unit, file \"{link}\" already exists and is a symlink to \"{target}\".",
        (false, null) => $"Failed to link unit: File {link} already exists.",
        (false, _) => $"Failed to link unit: File {link} already exists and is a symlink to {target}.",
    };
}
