namespace Platform.Abstractions;

/// <summary>
/// One command line of an <c>Exec*=</c> setting, split into words with its prefixes decoded
/// (systemd.service(5), "Command lines"). Variables (<c>$VAR</c>, <c>${VAR}</c>) are expanded by the host when it runs.
/// </summary>
public sealed record ExecCommand
{
    /// <summary>The executable: absolute, or a bare name searched in the host's fixed PATH.</summary>
    public required string Path { get; init; }
    /// <summary>The argument vector including <c>argv[0]</c>.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }
    /// <summary><c>-</c>: a failing exit status is recorded but ignored.</summary>
    public bool IgnoreFailure { get; init; }
    /// <summary><c>+</c>: run with full privileges (no User=, Group=).</summary>
    public bool FullPrivileges { get; init; }
    /// <summary>
    /// <c>!</c> or <c>!!</c>: User=, Group= and SupplementaryGroups= are not applied (the program drops privileges
    /// itself); other sandboxing is.
    /// </summary>
    public bool NoSandbox { get; init; }
    /// <summary><c>:</c>: no environment variable substitution.</summary>
    public bool NoEnvironmentExpansion { get; init; }
    /// <summary>The setting line as written, for messages.</summary>
    public string Raw { get; init; } = "";
}
