namespace Platform.Testing;

/// <summary>What a container's main process wrote so far, standard output and standard error kept apart.</summary>
public sealed record LogOutput(string Stdout, string Stderr)
{
    /// <summary>Both streams, stdout first (ordering between the two is not preserved).</summary>
    public override string ToString() => $"--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
