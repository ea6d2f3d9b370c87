namespace Platform.Units;

public sealed partial class UnitInstaller
{
    private static readonly string[] EnabledStates = ["enabled", "enabled-runtime", "static", "alias", "indirect",
        "generated", "transient"];

    /// <summary>
    /// <c>systemctl is-enabled NAME...</c>: one state per line on stdout; exit 0 when any is enabled, static, alias,
    /// indirect or generated. An unknown name stops with "Failed to get unit file state for X: No such file or
    /// directory".
    /// </summary>
    public InstallResult IsEnabled(IEnumerable<string> names)
    {
        var result = new InstallResult { ExitCode = 1 };
        foreach (var arg in names)
        {
            var name = UnitNames.NormalizeName(arg);
            var state = _repo.GetUnitFileState(name);
            if (state is null)
            {
                result.Fail(InstallMessages.StateUnknown(name));
                return result;
            }
            result.Stdout.Add(state);
            if (Array.IndexOf(EnabledStates, state) >= 0) result.ExitCode = 0;
        }
        return result;
    }

    /// <summary>
    /// <c>systemctl get-default</c>: the unit <c>default.target</c> stands for. Without any file, the built-in default
    /// (<c>multi-user.target</c>) where systemd would fail.
    /// </summary>
    public InstallResult GetDefault()
    {
        var result = new InstallResult();
        var loc = _repo.Locate("default.target");
        if (loc.Kind == LocationKind.Masked)
            result.Fail("Failed to get default target: Unit file is masked.");
        else if (loc.Kind is LocationKind.File or LocationKind.Linked || loc.AliasChain.Count > 1)
            result.Stdout.Add(loc.Id);
        else if (BuiltInUnits.AliasOf("default.target", _repo.Paths.IsUser) is { } fallback)
            result.Stdout.Add(fallback);
        else if (BuiltInUnits.Exists("default.target", _repo.Paths.IsUser))
            result.Stdout.Add("default.target");
        else
            result.Fail("Failed to get default target: No such file or directory");
        return result;
    }

    /// <summary>
    /// <c>systemctl set-default NAME</c>: points <c>default.target</c> in the configuration folder at the target's
    /// file.
    /// </summary>
    public InstallResult SetDefault(string target)
    {
        var result = new InstallResult();
        var name = UnitNames.Mangle(target, ".target", out _);
        if (UnitNames.TypeOf(name) != "target" || name == "default.target")
        {
            result.Fail("Failed to set default: Invalid argument.");
            return result;
        }
        var t = _repo.Targets.Resolve(name);
        string file;
        if (t.Location.Kind == LocationKind.Masked)
        {
            result.Fail(_messages.Masked("set default", t.Location.Path!));
            return result;
        }
        if (t.ConfigAlias) { result.Fail(_messages.LinkedRefused("set default", name)); return result; }
        if (t.Found) file = t.FileInRoot!;
        else if (BuiltInUnits.Exists(name, _repo.Paths.IsUser))
            file = VendorFolder() + "/" + name; // a dangling link the engine resolves to the built-in target
        else { result.Fail(_messages.SetDefaultNotFound(name)); return result; }
        var writer = new SymlinkWriter(result, _messages);
        writer.Link("set default", Path.Join(_repo.Paths.ConfigDirectory.Path, "default.target"), file,
            replaceLinks: true);
        Refresh(writer);
        return result;
    }

    private string VendorFolder()
    {
        foreach (var dir in _repo.Paths.SearchPath)
            if (dir.Kind == UnitDirectoryKind.Vendor) return dir.InRoot;
        return _repo.Paths.SearchPath[^1].InRoot;
    }
}
