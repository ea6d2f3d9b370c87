namespace Platform.Units;

/// <summary>
/// One <c>enable</c> (or the enabling half of <c>preset</c>/<c>reenable</c>): for each unit its Alias= links, then
/// WantedBy=/RequiredBy= links, then the units of Also=, each once. Links point to the unit file's in-root path.
/// </summary>
internal sealed class EnableOperation
{
    private readonly UnitRepository _repo;
    private readonly InstallMessages _messages;
    private readonly InstallResult _result;
    private readonly SymlinkWriter _writer;
    private readonly UnitDirectory _config;
    private readonly string _verb;
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);

    public EnableOperation(UnitRepository repo, InstallMessages messages, InstallResult result, SymlinkWriter writer,
        bool runtime, string verb)
    {
        _repo = repo;
        _messages = messages;
        _result = result;
        _writer = writer;
        _config = runtime ? repo.Paths.RuntimeConfigDirectory : repo.Paths.ConfigDirectory;
        _verb = verb;
    }

    /// <summary>Whether any unit handled had something to install (else systemctl prints its notice).</summary>
    public bool CarriedInstallInfo { get; private set; }

    /// <summary>
    /// Checks that a named unit can be enabled at all (exists, not masked, not an alias link in a configuration
    /// folder); records the failure otherwise. systemctl checks every named unit before changing anything.
    /// </summary>
    public bool Check(string name)
    {
        var t = _repo.Targets.Resolve(name);
        switch (t.Location.Kind)
        {
            case LocationKind.NotFound when BuiltInUnits.Exists(name, _repo.Paths.IsUser)
                || SysVLookup.Find(_repo.Paths, name) is not null:
                return true;
            case LocationKind.NotFound or LocationKind.Broken:
                _result.Fail(_messages.NotFound(_verb, name));
                return false;
            case LocationKind.Masked:
                _result.Fail(_messages.Masked(_verb, t.Location.Path!));
                return false;
        }
        if (!t.ConfigAlias) return true;
        _result.Fail(_messages.LinkedRefused(_verb, name));
        return false;
    }

    /// <summary>Enables one unit and its Also= units; false when anything failed (the rest is still done).</summary>
    public bool Enable(string name, IReadOnlyList<string>? instances = null)
    {
        if (!_done.Add(name)) return true;
        var t = _repo.Targets.Resolve(name);
        if (t.Location.Kind == LocationKind.NotFound && BuiltInUnits.Exists(name, _repo.Paths.IsUser)) return true;
        if (t.Location.Kind == LocationKind.NotFound && SysVLookup.Find(_repo.Paths, name) is { } script)
        {
            SysVInstall.Enable(_repo.Paths, name, script, _result);
            CarriedInstallInfo = true;
            return true;
        }
        if (!t.Found || t.Location.Kind == LocationKind.Masked || t.ConfigAlias) return Check(name);
        if (t.IsAlias) t = _repo.Targets.Resolve(t.Location.Id);
        var unit = t.Name;
        if (t.Install.CarriesInstallInfo) CarriedInstallInfo = true;
        var ok = true;
        var chosen = !UnitNames.IsTemplate(unit) ? null
            : instances is { Count: > 0 } ? instances : t.Install.DefaultInstance is { } d ? [d] : null;
        if (chosen is not null)
        {
            // Aliases stay template aliases when the instance comes from the preset or DefaultInstance=.
            foreach (var instance in chosen)
                ok &= Install(_repo.Targets.Resolve(UnitNames.WithInstance(unit, instance)), t, t);
        }
        else ok = Install(t, t, t);
        foreach (var also in t.Install.Also)
            ok &= Enable(also);
        return ok;
    }

    /// <summary>
    /// Creates the links of <paramref name="t"/>, pointing at <paramref name="file"/>'s file; Alias= links are named
    /// after <paramref name="aliasSource"/>. A link that cannot be made is reported and the others are still made, as
    /// systemctl does; the result is false when any failed.
    /// </summary>
    private bool Install(InstallTarget t, InstallTarget file, InstallTarget aliasSource)
    {
        var linkName = t.Name;
        var target = file.FileInRoot!;
        var install = t.Install;
        var aliasOwner = aliasSource.Name;
        var ok = true;
        foreach (var alias in aliasSource.Install.Alias)
        {
            var aliasName = UnitNames.IsInstance(aliasOwner) && UnitNames.IsTemplate(alias)
                ? UnitNames.WithInstance(alias, UnitNames.InstanceOf(aliasOwner)!) : alias;
            if (!UnitNames.SameType(aliasName, aliasOwner) || aliasName == aliasOwner) continue;
            ok &= _writer.Link(_verb, Path.Join(_config.Path, aliasName), target, replaceLinks: false);
        }
        foreach (var (destinations, suffix) in (ReadOnlySpan<(IReadOnlyList<string>, string)>)
                 [(install.WantedBy, ".wants"), (install.RequiredBy, ".requires")])
        {
            foreach (var destination in destinations)
            {
                if (UnitNames.IsTemplate(linkName) && !UnitNames.IsTemplate(destination))
                {
                    _result.Fail(_messages.NonTemplateDestination(_verb, linkName, destination));
                    return false;
                }
                if (!_writer.Link(_verb, Path.Join(_config.Path, destination + suffix, linkName), target,
                    replaceLinks: true))
                {
                    ok = false;
                    continue;
                }
                if (_repo.Locate(destination).Kind == LocationKind.NotFound
                    && !BuiltInUnits.Exists(destination, _repo.Paths.IsUser))
                    _result.Stderr.Add(InstallMessages.NonExistentDependency(_repo.Paths.Under(target), destination));
            }
        }
        return ok;
    }
}
