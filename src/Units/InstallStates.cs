namespace Platform.Units;

/// <summary>
/// Computes a unit file's install state (<c>is-enabled</c>, <c>list-unit-files</c>) as systemctl does:
/// masked, alias, then enablement links in the configuration folders (Alias= links and <c>*.wants/</c>-style
/// links naming or pointing to the unit), other links to it (indirect), and finally what its [Install] section offers.
/// </summary>
internal sealed class InstallStates
{
    private readonly UnitRepository _repo;
    private readonly InstallTargets _targets;
    private ConfigLinkIndex? _links;

    public InstallStates(UnitRepository repo, InstallTargets targets)
    {
        _repo = repo;
        _targets = targets;
    }

    public ConfigLinkIndex Links => _links ??= new ConfigLinkIndex(_repo.Paths, _repo.Cache);

    public void Clear() => _links = null;

    /// <summary>
    /// The state word, or null when no unit file has the name (systemctl then reports "No such file or directory").
    /// </summary>
    public string? State(string name) => State(_targets.Resolve(name), forListing: false);

    /// <summary>
    /// The state of a resolved target; for listings a dangling or unparsable file is <c>bad</c> instead of missing.
    /// </summary>
    public string? State(InstallTarget t, bool forListing)
    {
        var loc = t.Location;
        switch (loc.Kind)
        {
            case LocationKind.NotFound:
                if (BuiltInUnits.AliasOf(t.Name, _repo.Paths.IsUser) is not null) return "alias";
                if (BuiltInUnits.Exists(t.Name, _repo.Paths.IsUser)) return "static";
                if (SysVLookup.Find(_repo.Paths, t.Name, anyMode: !forListing) is not { } script) return null;
                // Listings show the generated unit; is-enabled asks the runlevel links, as systemd-sysv-install does.
                if (forListing) return "generated";
                return SysVLookup.IsEnabled(_repo.Paths, Path.GetFileName(script)) ? "enabled" : "disabled";
            case LocationKind.Broken:
                return forListing ? "bad" : null;
            case LocationKind.Masked:
                return loc.Directory?.IsRuntime == true ? "masked-runtime" : "masked";
        }
        if (t.ParseFailed) return "bad";
        if (t.IsAlias) return "alias";
        // systemd's unit_file_lookup_state(): a unit whose file a generator wrote is "generated", whatever links it
        // has.
        if (loc.Directory?.Kind == UnitDirectoryKind.Generator) return "generated";
        var scan = ScanLinks(t);
        if (scan.Enabled) return "enabled";
        if (scan.Runtime) return "enabled-runtime";
        if (scan.Linked is not null) return scan.Linked;
        if (scan.Indirect) return "indirect";
        if (t.Install.HasRules) return "disabled";
        return t.Install.Also.Count > 0 ? "indirect" : "static";
    }

    private sealed class LinkScan
    {
        public bool Enabled, Runtime, Indirect;
        public string? Linked;
    }

    private LinkScan ScanLinks(InstallTarget t)
    {
        // Only links named after the unit or its instances, or top-level links to its file can count: the index
        // hands out just those, in folder order, so a listing does not compare every unit with every link.
        var scan = new LinkScan();
        var name = t.Name;
        var fileName = t.FileInRoot is null ? null : RootedPath.FileName(t.FileInRoot);
        foreach (var link in Links.Named(name))
        {
            if (!link.Readable) continue;
            // In a dependency folder the link's name decides: a link named otherwise but pointing here belongs to the
            // unit it is named after, and one pointing at /dev/null still enables it (systemd 252 says so too).
            if (link.DependencyFolder is not null) Count(scan, link, true);
            else if (link.IsMask) continue;
            else if (t.Location.Kind == LocationKind.Linked)
                scan.Linked = link.Directory.IsRuntime ? "linked-runtime" : "linked";
        }
        if (UnitNames.IsTemplate(name))
        {
            var defaultInstance = t.Install.DefaultInstance;
            foreach (var link in Links.InstancesOf(name))
            {
                if (!link.Readable || link.IsMask) continue;
                if (link.TargetInRoot == t.FileInRoot || link.TargetName == name || link.TargetName == fileName)
                    Count(scan, link,
                        defaultInstance is not null && UnitNames.InstanceOf(link.Name) == defaultInstance);
            }
        }
        CountAliases(scan, t, Links.TopLevelTo(name));
        if (fileName is not null && fileName != name) CountAliases(scan, t, Links.TopLevelTo(fileName));
        return scan;
    }

    /// <summary>Top-level links to the unit's file under another name: its aliases, or else an indirect use.</summary>
    private static void CountAliases(LinkScan scan, InstallTarget t, List<ConfigLink> links)
    {
        foreach (var link in links)
            if (link.Name != t.Name && !link.IsMask) Count(scan, link, t.Install.Alias.Contains(link.Name));
    }

    /// <summary>Records what one matching link says: enabled (per folder: runtime or not) or indirect.</summary>
    private static void Count(LinkScan scan, ConfigLink link, bool enabling)
    {
        if (!enabling) scan.Indirect = true;
        else if (link.Directory.IsRuntime) scan.Runtime = true;
        else scan.Enabled = true;
    }
}
