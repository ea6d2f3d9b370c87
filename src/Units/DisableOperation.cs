namespace Platform.Units;

/// <summary>
/// One <c>disable</c> (or the disabling half of <c>preset</c>/<c>reenable</c>): marks the units' names, alias names
/// and file paths (with their Also= units), then removes every link in the configuration folder whose own name,
/// whose name without instance, whose target file name or whose target path is marked. Masks are left alone.
/// </summary>
internal sealed class DisableOperation
{
    private readonly UnitRepository _repo;
    private readonly InstallMessages _messages;
    private readonly InstallOptions _options;
    private readonly InstallResult _result;
    private readonly SymlinkWriter _writer;
    private readonly UnitDirectory _config;
    private readonly string _verb;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public DisableOperation(UnitRepository repo, InstallMessages messages, InstallOptions options, InstallResult result,
        SymlinkWriter writer, bool runtime, string verb = "disable")
    {
        _verb = verb;
        _repo = repo;
        _messages = messages;
        _options = options;
        _result = result;
        _writer = writer;
        _config = runtime ? repo.Paths.RuntimeConfigDirectory : repo.Paths.ConfigDirectory;
    }

    /// <summary>
    /// Marks a unit for removal; false (after recording the failure) when the daemon wording makes an unknown unit an
    /// error.
    /// </summary>
    public bool Mark(string name, bool quietWhenMissing = false)
    {
        var t = _repo.Targets.Resolve(name);
        switch (t.Location.Kind)
        {
            case LocationKind.NotFound when SysVLookup.Find(_repo.Paths, name) is { } script:
                SysVInstall.Disable(_repo.Paths, name, script, _result);
                return true;
            case LocationKind.NotFound or LocationKind.Broken:
                if (quietWhenMissing || BuiltInUnits.Exists(name, _repo.Paths.IsUser)) return true;
                if (_options.Style == InstallMessageStyle.Offline)
                {
                    _result.Stderr.Add(_messages.NotFound(_verb, name));
                    return true;
                }
                _result.Fail(_messages.NotFound(_verb, name));
                return false;
            case LocationKind.Masked:
                _result.Stderr.Add(InstallMessages.MaskedIgnored(t.Location.Path!));
                return true;
        }
        MarkTarget(t);
        return true;
    }

    private void MarkTarget(InstallTarget t)
    {
        if (!_names.Add(t.Name)) return;
        _names.Add(t.Location.Id);
        foreach (var n in t.Location.AliasChain) _names.Add(n);
        if (!UnitNames.IsInstance(t.Name) && t.FileInRoot is not null)
        {
            _paths.Add(t.FileInRoot);
            _names.Add(RootedPath.FileName(t.FileInRoot));
        }
        foreach (var also in t.Install.Also)
        {
            var a = _repo.Targets.Resolve(also);
            if (a.Found && a.Location.Kind != LocationKind.Masked) MarkTarget(a);
        }
    }

    /// <summary>Removes every marked link from the configuration folder, in path order.</summary>
    public void Apply()
    {
        if (_names.Count == 0) return;
        var victims = new List<string>();
        foreach (var link in new ConfigLinkIndex(_repo.Paths, _repo.Cache).Links)
        {
            if (link.Directory.Path != _config.Path || link.IsMask) continue;
            var template = UnitNames.TemplateOf(link.Name);
            if (_names.Contains(link.Name) || _names.Contains(link.TargetName) || _paths.Contains(link.TargetInRoot)
                || (template is not null && _names.Contains(template)))
                victims.Add(link.DiskPath);
        }
        victims.Sort(StringComparer.Ordinal);
        foreach (var path in victims) _writer.Remove(path);
    }
}
