using Platform.Abstractions;

namespace Platform.Units;

/// <summary>What <see cref="UnitFileParser"/> read from one file.</summary>
/// <param name="Source">The file name used in settings and messages.</param>
/// <param name="Settings">The assignments in file order, values not yet specifier-expanded.</param>
/// <param name="Sections">Every section header with its 1-based line, in file order.</param>
/// <param name="FatalError">A one-line error that makes the file unusable (e.g. an invalid section header), else
/// null.</param>
public sealed record ParsedUnitFile(string Source, IReadOnlyList<UnitSetting> Settings,
    IReadOnlyList<SectionHeader> Sections, string? FatalError);
