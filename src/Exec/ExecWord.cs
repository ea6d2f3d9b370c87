namespace Platform.Exec;

/// <summary>
/// One word of a command line: its decoded value, where it stood in the setting, and whether it was written as a bare
/// <c>;</c>.
/// </summary>
internal readonly record struct ExecWord(string Value, int Start, int End, bool IsSeparator);
