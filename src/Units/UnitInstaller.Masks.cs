namespace Platform.Units;

public sealed partial class UnitInstaller
{
    /// <summary>
    /// <c>systemctl mask NAME...</c>: links each name to /dev/null in the configuration folder, known unit or not.
    /// </summary>
    public InstallResult Mask(IEnumerable<string> names, bool runtime = false)
    {
        var result = new InstallResult();
        var writer = new SymlinkWriter(result, _messages);
        var config = runtime ? _repo.Paths.RuntimeConfigDirectory : _repo.Paths.ConfigDirectory;
        foreach (var arg in names)
        {
            if (arg.Contains('/')) { result.Fail("Failed to mask: Invalid argument."); break; }
            var name = UnitNames.Mangle(arg, ".service", out var escaped);
            if (escaped) result.Stderr.Add(InstallMessages.Escaped(arg));
            var path = Path.Join(config.Path, name);
            if (IsEmptyFile(path)) continue;
            if (!writer.Link("mask", path, "/dev/null", replaceLinks: _options.Force)) break;
        }
        Refresh(writer);
        return result;
    }

    /// <summary>
    /// <c>systemctl unmask NAME...</c>: removes mask links (and empty mask files) from the configuration folder.
    /// </summary>
    public InstallResult Unmask(IEnumerable<string> names, bool runtime = false)
    {
        var result = new InstallResult();
        var writer = new SymlinkWriter(result, _messages);
        var config = runtime ? _repo.Paths.RuntimeConfigDirectory : _repo.Paths.ConfigDirectory;
        foreach (var arg in names)
        {
            if (arg.Contains('/')) { result.Fail("Failed to unmask: Invalid argument."); break; }
            var name = UnitNames.Mangle(arg, ".service", out var escaped);
            if (escaped) result.Stderr.Add(InstallMessages.Escaped(arg));
            var path = Path.Join(config.Path, name);
            var target = new FileInfo(path).LinkTarget;
            var isMask = target is not null
                ? RootedPath.IsDevNull(target) || RootedPath.IsDevNull(
                    RootedPath.Canonicalize(_repo.Paths.Root, _repo.Paths.InRoot(path)))
                : IsEmptyFile(path);
            if (isMask) writer.Remove(path);
        }
        Refresh(writer);
        return result;
    }

    private static bool IsEmptyFile(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null && info.Exists && info.Length == 0;
    }
}
