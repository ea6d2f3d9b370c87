namespace Platform.Units;

/// <summary>A <c>[Section]</c> header of a unit file and its 1-based line.</summary>
/// <param name="Name">The section name.</param>
/// <param name="Line">The line of the header.</param>
public sealed record SectionHeader(string Name, int Line);
