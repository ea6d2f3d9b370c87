using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Builds one <see cref="LoadedUnit"/>: fragment, drop-ins of every name, specifier expansion and the load-time
/// checks. Files of other units are never opened. Warnings go to the repository, which reports each text once.
/// </summary>
internal sealed class UnitLoader
{
    private readonly UnitPaths _paths;
    private readonly UnitFileLocator _locator;
    private readonly DropInFinder _dropIns;
    private readonly Func<AliasIndex> _aliases;
    private readonly SystemFacts _facts;
    private readonly Action<string> _warn;

    public UnitLoader(UnitPaths paths, UnitFileLocator locator, DropInFinder dropIns, Func<AliasIndex> aliases,
        SystemFacts facts, Action<string> warn)
    {
        _paths = paths;
        _locator = locator;
        _dropIns = dropIns;
        _aliases = aliases;
        _facts = facts;
        _warn = warn;
    }

    public LoadedUnit Load(string name, Func<string, LoadedUnit> loadOther)
    {
        if (!UnitNames.IsValid(name))
            return Simple(name, name, UnitLoadState.NotFound, null, $"Unit name {name} is not valid.");
        var loc = _locator.Locate(name);
        switch (loc.Kind)
        {
            case LocationKind.NotFound:
                return LoadWithoutFile(name, loc, loadOther);
            case LocationKind.Broken:
                return Simple(name, loc.Id, loc.Error?.Contains("Too many levels", StringComparison.Ordinal) == true
                    ? UnitLoadState.Error : UnitLoadState.NotFound, null, loc.Error, loc);
            case LocationKind.Masked:
                return new LoadedUnit(new UnitDefinition(loc.Id, UnitLoadState.Masked, loc.Path, [], []), name,
                    NamesOf(loc), loc, null, false);
        }
        var names = NamesOf(loc);
        var parsed = UnitFileParser.ParseFile(loc.ContentPath ?? loc.Path!, Warn);
        return Assemble(name, loc.Id, names, loc.Path, parsed, loc, null, false);
    }

    private LoadedUnit LoadWithoutFile(string name, UnitFileLocation loc, Func<string, LoadedUnit> loadOther)
    {
        var id = loc.Id;
        if (BuiltInUnits.AliasOf(id, _paths.IsUser) is { } target)
        {
            var real = loadOther(target);
            var names = new List<string>(real.Names);
            if (!names.Contains(id)) names.Add(id);
            return new LoadedUnit(real.Definition, name, Sorted(names), real.Location, real.SourcePath, real.IsBuiltIn);
        }
        if (BuiltInUnits.Text(id, _paths.IsUser) is { } text)
        {
            var parsed = UnitFileParser.Parse(text, BuiltInUnits.Source, Warn);
            return Assemble(name, id, NamesWithAliases(id, loc.AliasChain), null, parsed, null, null, true);
        }
        if (!_paths.IsUser && SysVLookup.Find(_paths, id) is { } script)
        {
            string scriptText;
            try { scriptText = File.ReadAllText(script); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Simple(name, id, UnitLoadState.Error, null,
                    $"Failed to read {script}: {UnitFileParser.ErrnoText(e)}", loc);
            }
            var enabled = SysVLookup.IsEnabled(_paths, RootedPath.FileName(script));
            var parsed = UnitFileParser.Parse(SysVScript.UnitText(_paths.InRoot(script), scriptText, enabled, script),
                script, Warn);
            return Assemble(name, id, NamesWithAliases(id, loc.AliasChain), null, parsed, null, script, false);
        }
        return Simple(name, id, UnitLoadState.NotFound, null, null, loc);
    }

    private LoadedUnit Assemble(string requested, string id, IReadOnlyList<string> names, string? fragment,
        ParsedUnitFile parsed, UnitFileLocation? loc, string? sourcePath, bool builtIn)
    {
        var type = UnitNames.TypeOf(id)!;
        var dropInPaths = _dropIns.FindConfFiles(names);
        var settings = new List<UnitSetting>(parsed.Settings);
        var error = parsed.FatalError;
        WarnSections(parsed, type);
        foreach (var dropIn in dropInPaths)
        {
            if (error is not null) break;
            var d = UnitFileParser.ParseFile(ReadablePath(dropIn), Warn);
            if (d.Source != dropIn)
                d = d with { Settings = d.Settings.Select(x => x with { Source = dropIn }).ToList() };
            WarnSections(d, type);
            settings.AddRange(d.Settings);
            error = d.FatalError;
        }
        if (error is not null)
            return new LoadedUnit(new UnitDefinition(id, UnitLoadState.Error, fragment, dropInPaths, settings, error),
                requested, names, loc, sourcePath, builtIn);

        // %y names the real file for linked units, not the link in the unit folder.
        var realFragment = loc?.ContentPath ?? fragment;
        var fragmentInRoot = realFragment is null ? null : _paths.InRoot(realFragment);
        var expander = new SpecifierExpander(_paths, _facts, id, fragmentInRoot);
        var badSetting = SpecifierPass.Apply(settings, type, expander, Warn)
            ?? UnitChecks.CheckExecLines(type, settings, Warn);
        TimeSettingPass.Apply(settings, Warn);
        ConditionPaths.Apply(settings, Warn);
        var state = badSetting is null ? UnitLoadState.Loaded : UnitLoadState.BadSetting;
        var definition = new UnitDefinition(id, state, fragment, dropInPaths, settings, badSetting);
        if (state == UnitLoadState.Loaded && UnitChecks.CheckService(definition) is { } refusal)
            definition = new UnitDefinition(id, UnitLoadState.BadSetting, fragment, dropInPaths, settings,
                $"{id}: {refusal}");
        return new LoadedUnit(definition, requested, names, loc, sourcePath, builtIn);
    }

    private void WarnSections(ParsedUnitFile parsed, string type)
    {
        foreach (var header in parsed.Sections)
            if (!UnitChecks.IsKnownSection(header.Name, type))
                Warn($"{parsed.Source}:{header.Line}: Unknown section '{header.Name}'. Ignoring.");
    }

    private List<string> NamesOf(UnitFileLocation loc) => NamesWithAliases(loc.Id, loc.AliasChain);

    private List<string> NamesWithAliases(string id, IReadOnlyList<string> chain)
    {
        var names = new List<string> { id };
        foreach (var n in chain) if (!names.Contains(n)) names.Add(n);
        foreach (var n in _aliases().AliasesOf(id)) if (!names.Contains(n)) names.Add(n);
        return Sorted(names);
    }

    private static List<string> Sorted(List<string> names)
    {
        var id = names[0];
        names.RemoveAt(0);
        names.Sort(StringComparer.Ordinal);
        names.Insert(0, id);
        return names;
    }

    private static LoadedUnit Simple(string requested, string id, UnitLoadState state, string? fragment, string? error,
        UnitFileLocation? loc = null)
        => new(new UnitDefinition(id, state, fragment, [], [], error), requested, [id], loc, null, false);

    /// <summary>A drop-in may be a link with an absolute target, which must be followed inside the root.</summary>
    private string ReadablePath(string onDisk)
    {
        if (_paths.Root == "/" || new FileInfo(onDisk).LinkTarget is null) return onDisk;
        return _paths.Under(RootedPath.Canonicalize(_paths.Root, _paths.InRoot(onDisk)));
    }

    private void Warn(string message) => _warn(message);
}
