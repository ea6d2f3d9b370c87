namespace Platform.Abstractions;

/// <summary>One assignment read from a unit file or drop-in, after specifier expansion.</summary>
/// <param name="Section">The section name, e.g. <c>Service</c> (case-sensitive as systemd treats it).</param>
/// <param name="Key">The setting name, e.g. <c>ExecStart</c>.</param>
/// <param name="Value">The value; an empty value resets list settings assigned before it.</param>
/// <param name="Source">The file the assignment came from.</param>
/// <param name="Line">The 1-based line of the assignment in <paramref name="Source"/>.</param>
public sealed record UnitSetting(string Section, string Key, string Value, string Source, int Line);
