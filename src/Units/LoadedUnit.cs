using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// A unit as <see cref="UnitRepository.LoadUnit"/> loaded it: the definition plus what systemd shows around it.
/// <see cref="UnitDefinition.Name"/> is the unit's Id: for an alias, the name of the unit it points to.
/// </summary>
public sealed class LoadedUnit
{
    internal LoadedUnit(UnitDefinition definition, string requestedName, IReadOnlyList<string> names,
        UnitFileLocation? location, string? sourcePath, bool builtIn)
    {
        Definition = definition;
        RequestedName = requestedName;
        Names = names;
        Location = location;
        SourcePath = sourcePath;
        IsBuiltIn = builtIn;
    }

    /// <summary>The parsed unit; its <c>Name</c> is the Id.</summary>
    public UnitDefinition Definition { get; }

    /// <summary>The Id (<c>show -p Id</c>).</summary>
    public string Id => Definition.Name;

    /// <summary>The name that was asked for (after adding a missing suffix).</summary>
    public string RequestedName { get; }

    /// <summary>All names of the unit (<c>show -p Names</c>): the Id first, then its aliases sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How the file was found; null for built-in and SysV units.</summary>
    public UnitFileLocation? Location { get; }

    /// <summary>
    /// For a unit generated from a SysV script: the script on disk (<c>show -p SourcePath</c> shows its in-root path).
    /// </summary>
    public string? SourcePath { get; }

    /// <summary>Whether the unit is one of the <see cref="BuiltInUnits"/> (no file defines it).</summary>
    public bool IsBuiltIn { get; }

    /// <summary>Whether the unit is usable: loaded (not masked, not found, not broken).</summary>
    public bool IsLoaded => Definition.LoadState == UnitLoadState.Loaded;
}
