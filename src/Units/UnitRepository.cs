using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// The unit files of one mode under one root: loads units by name, lists unit files, and answers install-state
/// questions. Folder listings and loaded units are cached for the lifetime of the instance (one systemctl run);
/// call <see cref="Invalidate"/> after changing files. Never throws for bad unit files: problems end up in
/// <see cref="UnitDefinition.LoadState"/>/<see cref="UnitDefinition.LoadError"/> and in the warn callback.
/// </summary>
public sealed class UnitRepository
{
    private readonly DirectoryCache _cache = new();
    private readonly UnitFileLocator _locator;
    private readonly DropInFinder _dropIns;
    private readonly UnitLoader _loader;
    private readonly Dictionary<string, LoadedUnit> _loaded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private AliasIndex? _aliases;
    private InstallTargets? _targets;
    private InstallStates? _states;
    private PresetPolicy? _presets;

    /// <summary>
    /// Creates a repository over <paramref name="paths"/>; <paramref name="warn"/> receives one-line warnings (each
    /// once).
    /// </summary>
    public UnitRepository(UnitPaths paths, Action<string>? warn = null)
    {
        Paths = paths;
        Warn = warn;
        _locator = new UnitFileLocator(paths, _cache);
        _dropIns = new DropInFinder(paths, _cache);
        _loader = new UnitLoader(paths, _locator, _dropIns, () => Aliases, new SystemFacts(paths.Root), ReportWarning);
    }

    /// <summary>The folders this repository reads.</summary>
    public UnitPaths Paths { get; }

    internal Action<string>? Warn { get; }
    internal DirectoryCache Cache => _cache;
    internal DropInFinder DropIns => _dropIns;
    internal AliasIndex Aliases => _aliases ??= new AliasIndex(Paths, _cache);
    internal InstallTargets Targets => _targets ??= new InstallTargets(this);
    internal InstallStates States => _states ??= new InstallStates(this, Targets);

    /// <summary>The preset policy of this mode's preset folders (read on first use).</summary>
    public PresetPolicy Presets => _presets ??= PresetPolicy.Load(Paths, ReportWarning);

    /// <summary>
    /// The unit file state as <c>is-enabled</c> prints it (<c>enabled</c>, <c>enabled-runtime</c>, <c>linked</c>,
    /// <c>linked-runtime</c>, <c>alias</c>, <c>masked</c>, <c>masked-runtime</c>, <c>static</c>, <c>indirect</c>,
    /// <c>disabled</c>, <c>generated</c>, <c>bad</c>), or null when no unit file has the name.
    /// </summary>
    public string? GetUnitFileState(string name) => States.State(NormalizeName(name));

    /// <summary>The preset state of a name: <c>enabled</c> or <c>disabled</c> per the preset files.</summary>
    public string GetPresetState(string name) => Presets.IsEnabled(NormalizeName(name)) ? "enabled" : "disabled";

    /// <summary>
    /// A unit argument as a unit name: no known suffix means <c>.service</c>; invalid characters are escaped.
    /// </summary>
    public static string NormalizeName(string name) => UnitNames.NormalizeName(name);

    /// <summary>
    /// Loads a unit; <see cref="UnitDefinition.Name"/> is the Id (alias targets resolved). See <see cref="LoadUnit"/>.
    /// </summary>
    public UnitDefinition Load(string name) => LoadUnit(name).Definition;

    /// <summary>
    /// Loads a unit with its names, location and origin. Reads only the unit's own fragment and drop-ins
    /// (plus folder listings). A missing name gives <see cref="UnitLoadState.NotFound"/>, never an exception.
    /// </summary>
    public LoadedUnit LoadUnit(string name)
    {
        name = NormalizeName(name);
        // The init loads from its event loop, its timer and path threads and its jobs; Monitor is reentrant, and the
        // loader comes back here for aliases and drop-in parents.
        lock (_loaded)
        {
            if (_loaded.TryGetValue(name, out var unit)) return unit;
            unit = _loader.Load(name, LoadUnit);
            _loaded[name] = unit;
            return unit;
        }
    }

    /// <summary>Where the file of a unit is, without reading it.</summary>
    public UnitFileLocation Locate(string name) => _locator.Locate(NormalizeName(name));

    /// <summary>
    /// Every unit name that has a file (or link) in a unit folder, plus SysV services and built-in units,
    /// each once, in no particular order.
    /// </summary>
    public IEnumerable<string> AllUnitFileNames(bool includeBuiltIns = true, bool includeSysV = true)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in Paths.SearchPath)
        {
            var listing = _cache.Get(dir.Path);
            foreach (var name in listing.Names)
                if (listing.Kind(name) is EntryKind.File or EntryKind.Symlink && UnitNames.IsValid(name)
                    && seen.Add(name))
                    yield return name;
        }
        if (includeSysV)
            foreach (var name in SysVLookup.All(Paths))
                if (seen.Add(name)) yield return name;
        if (includeBuiltIns)
            foreach (var name in BuiltInUnits.Names(Paths.IsUser))
                if (seen.Add(name)) yield return name;
    }

    /// <summary>
    /// Reads an <c>EnvironmentFile=</c> file (systemd.exec(5) rules). Throws <see cref="IOException"/> when unreadable.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadEnvironmentFile(string path) =>
        EnvironmentFile.Read(path);

    /// <summary>Splits an <c>Environment=</c> value into assignments.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseEnvironmentAssignments(string value) =>
        EnvironmentFile.ParseAssignments(value);

    /// <summary>Forgets cached listings and units, after files were changed (enable, mask, edit).</summary>
    public void Invalidate()
    {
        lock (_loaded)
        {
            _cache.Clear();
            _locator.Clear();
            _loaded.Clear();
            _aliases = null;
            _targets = null;
            _states = null;
            _presets = null;
        }
    }

    /// <summary>Passes a warning to the callback unless the same text was reported before by this instance.</summary>
    internal void ReportWarning(string message)
    {
        if (Warn is not null && _warned.Add(message)) Warn(message);
    }
}
