namespace Platform.Testing;

/// <summary>Outcome of a command run inside a container: exit code and complete output.</summary>
public sealed record ExecResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Readable form for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
