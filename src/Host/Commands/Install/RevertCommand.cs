using Platform.Host.Cli;
using Platform.Units;

namespace Platform.Host.Commands.Install;

/// <summary>
/// <c>revert UNIT...</c>: drops local changes. Drop-in folders in the configuration folders (persistent and
/// runtime) always go; when a vendor or local-admin unit file exists, the configuration copies and masks of the unit
/// go too, so the vendor file is used again.
/// </summary>
internal static class RevertCommand
{
    public static int Run(HostContext ctx)
    {
        var paths = ctx.Units.Paths;
        var todo = new List<string>();
        foreach (var arg in ctx.Options.Arguments)
        {
            var name = UnitRepository.NormalizeName(arg);
            if (!UnitNames.IsValid(name)) return InstallCommands.Fail(ctx, "Failed to revert unit: Invalid argument.");
            var hasVendor = false;
            foreach (var dir in paths.SearchPath)
            {
                var file = Path.Join(dir.Path, name);
                var info = new FileInfo(file);
                if (info.LinkTarget is null && info.Exists && dir.Kind is UnitDirectoryKind.Vendor
                    or UnitDirectoryKind.Local)
                    hasVendor = true;
                var dropIns = file + ".d";
                if (IsConfig(dir) && Directory.Exists(dropIns) && new DirectoryInfo(dropIns).LinkTarget is null
                    && !todo.Contains(dropIns))
                    todo.Add(dropIns);
            }
            if (!hasVendor) continue;
            foreach (var dir in paths.SearchPath)
            {
                var file = Path.Join(dir.Path, name);
                var info = new FileInfo(file);
                if (IsConfig(dir) && (info.LinkTarget is not null || info.Exists) && !todo.Contains(file))
                    todo.Add(file);
            }
        }
        foreach (var path in todo) Remove(ctx, path);
        ctx.Units.Invalidate();
        return ExitCodes.Success;
    }

    private static bool IsConfig(UnitDirectory dir) =>
        dir.Kind is UnitDirectoryKind.Config or UnitDirectoryKind.Runtime;

    private static void Remove(HostContext ctx, string path)
    {
        var removed = new List<string>();
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(path)) removed.Add(entry);
            Directory.Delete(path, recursive: true);
        }
        else File.Delete(path);
        removed.Add(path);
        if (ctx.Options.Quiet) return;
        foreach (var r in removed) ctx.Err.WriteLine($"Removed \"{r}\".");
    }
}
