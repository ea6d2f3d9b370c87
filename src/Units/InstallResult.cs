namespace Platform.Units;

/// <summary>
/// What an install operation did and what systemctl would print: <see cref="Stdout"/> lines (e.g. the
/// <c>is-enabled</c> states, <c>get-default</c>), <see cref="Stderr"/> lines (systemd 252 logs "Created symlink"
/// and "Removed" lines to stderr; <c>--quiet</c> suppresses them) and the exit code.
/// </summary>
public sealed class InstallResult
{
    /// <summary>The exit code systemctl ends with.</summary>
    public int ExitCode { get; internal set; }

    /// <summary>Lines for standard output.</summary>
    public List<string> Stdout { get; } = [];

    /// <summary>Lines for standard error, in order: progress ("Created symlink ..."), warnings and errors.</summary>
    public List<string> Stderr { get; } = [];

    /// <summary>Every file-system change made, in order.</summary>
    public List<InstallChange> Changes { get; } = [];

    /// <summary>Whether the operation failed (non-zero exit code).</summary>
    public bool Failed => ExitCode != 0;

    internal void Fail(string message, int code = 1)
    {
        Stderr.Add(message);
        ExitCode = code;
    }
}
