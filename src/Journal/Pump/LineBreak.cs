namespace Platform.Journal.Pump;

/// <summary>
/// Why a line ended; all but <see cref="Newline"/> are recorded as journald's <c>_LINE_BREAK=</c> field.
/// </summary>
internal enum LineBreak
{
    Newline,
    Nul,
    LineMax,
    Eof,
    PidChange,
}
