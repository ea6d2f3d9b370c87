using System.Security.Cryptography;
using Platform.Abstractions;
using Platform.Host.Cli;

namespace Platform.Host.Commands.Edit;

/// <summary>
/// <c>edit UNIT...</c> as systemd 252 does it: a drop-in <c>UNIT.d/override.conf</c> in <c>/etc/systemd/system</c>
/// (<c>/run/systemd/system</c> with <c>--runtime</c>), or with <c>--full</c> a copy of the whole unit file there. The
/// editor works on a temporary file beside the target; only when it exits 0 is the text between the markers written,
/// by renaming the temporary file over the target, so readers see the old or the new file and nothing between. An
/// empty result cancels the edit of that file. Unlike systemd 252 no terminal is required, so a script set as
/// <c>$EDITOR</c> can drive it.
/// </summary>
internal static class EditCommand
{
    public static int Run(HostContext ctx)
    {
        var args = ctx.Options.Arguments;
        if (args.Count == 0) throw new UsageException("Too few arguments.");
        var names = UnitPatterns.Expand(ctx, args);
        if (names.Count == 0)
        {
            ctx.Err.WriteLine("No units matched the specified patterns.");
            return ExitCodes.Failure;
        }
        // Every target is worked out before the editor runs: one unknown or masked unit edits nothing, as in systemd.
        var targets = new List<EditTarget>();
        foreach (var name in names)
        {
            var target = Target(ctx, name);
            if (target is null) return ExitCodes.Failure;
            targets.Add(target);
        }
        var temps = new List<string>();
        try
        {
            foreach (var target in targets)
            {
                var temp = TempPath(target.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target.Path)!);
                File.WriteAllText(temp, target.Initial);
                File.SetUnixFileMode(temp, (UnixFileMode)0b110_100_100);
                temps.Add(temp);
            }
            var status = Editor.Run(temps, ctx.Err);
            if (status != 0)
            {
                // systemd 252 reports the editor's failure, writes nothing and still exits 0.
                ctx.Err.WriteLine($"(editor) failed with exit status {status}.");
                return ExitCodes.Success;
            }
            for (var i = 0; i < targets.Count; i++)
            {
                var text = EditMarkers.Trim(File.ReadAllText(temps[i]));
                if (text.Length == 0)
                {
                    ctx.Warn($"Editing \"{targets[i].InRoot}\" canceled: temporary file is empty.");
                    continue;
                }
                // Written without a final newline, byte for byte what systemd 252 leaves.
                File.WriteAllText(temps[i], text);
                File.Move(temps[i], targets[i].Path, overwrite: true);
            }
            return ExitCodes.Success;
        }
        finally
        {
            for (var i = 0; i < temps.Count; i++)
            {
                try { File.Delete(temps[i]); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
                if (targets[i].DropIn) RemoveIfEmpty(Path.GetDirectoryName(targets[i].Path)!);
            }
        }
    }

    /// <summary>
    /// The file to edit for <paramref name="name"/> with its starting text; null after printing why it cannot be
    /// edited.
    /// </summary>
    private static EditTarget? Target(HostContext ctx, string name)
    {
        var paths = ctx.Units.Paths;
        var loaded = ctx.Units.LoadUnit(name);
        var unit = loaded.Definition;
        if (unit.LoadState == UnitLoadState.Masked)
        {
            ctx.Err.WriteLine($"Cannot edit {name}: unit is masked.");
            return null;
        }
        var fragment = !loaded.IsBuiltIn && unit.FragmentPath is { } f && File.Exists(f) ? f : null;
        // Built-in and SysV units have no file here but are known: they can still get a drop-in.
        var known = fragment is not null || loaded.IsBuiltIn || loaded.SourcePath is not null;
        if (fragment is null && (!known || ctx.Options.Full) && !ctx.Options.Force)
        {
            ctx.Err.WriteLine($"No files found for {name}.");
            ctx.Err.WriteLine(
                $"Run 'systemctl edit{(ctx.Options.UserMode ? " --user" : "")} --force --full {name}' to create a new "
                + $"unit.");
            return null;
        }
        // --full edits the whole file under the name it has (a template's file for an instance); a drop-in is per name.
        var relative = ctx.Options.Full
            ? (fragment is null ? name : Path.GetFileName(fragment))
            : name + ".d/override.conf";
        var persistent = Path.Join(paths.ConfigDirectory.Path, relative);
        var path = persistent;
        if (ctx.Options.Runtime)
        {
            path = Path.Join(paths.RuntimeConfigDirectory.Path, relative);
            if (File.Exists(persistent))
            {
                ctx.Err.WriteLine(
                    $"Refusing to create \"{paths.InRoot(path)}\" because it would be overridden by "
                    + $"\"{paths.InRoot(persistent)}\" anyway.");
                return null;
            }
        }
        var inRoot = paths.InRoot(path);
        if (ctx.Options.Full)
            return new EditTarget(path, inRoot, fragment is null ? "" : File.ReadAllText(fragment), DropIn: false);
        if (fragment is null && !known) return new EditTarget(path, inRoot, "", DropIn: true);
        var context = new List<(string, string)>();
        if (fragment is not null) context.Add((paths.InRoot(fragment), File.ReadAllText(fragment)));
        foreach (var dropIn in unit.DropInPaths)
            if (dropIn != path && File.Exists(dropIn)) context.Add((paths.InRoot(dropIn), File.ReadAllText(dropIn)));
        var current = File.Exists(path) ? File.ReadAllText(path) : "";
        return new EditTarget(path, inRoot, EditMarkers.Prefill(inRoot, current, context), DropIn: true);
    }

    /// <summary>
    /// systemd's tempfn_random: <c>.#NAME</c> plus 16 hex digits in the target's folder, so the rename stays on one
    /// file system.
    /// </summary>
    private static string TempPath(string target)
        => Path.Join(Path.GetDirectoryName(target), ".#" + Path.GetFileName(target)
            + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    private static void RemoveIfEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                Directory.Delete(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
