using DotNet.Testcontainers.Containers;

namespace Platform.Testing;

/// <summary>
/// Waits until a command prints one of the expected texts (trailing newline ignored), or any text when none is given,
/// and exits 0 unless <paramref name="anyExitCode"/> (<c>is-system-running</c> exits 1 for <c>degraded</c>).
/// </summary>
internal sealed class ExecWait(string[] command, bool anyExitCode, params string[] expectedStdout) : IDescribedWait
{
    public ExecWait(string[] command, params string[] expectedStdout) : this(command, false, expectedStdout) { }

    public string Description => $"`{string.Join(' ', command)}` to {(anyExitCode ? "answer" : "succeed")}"
        + (expectedStdout.Length == 0 ? "" : $" printing \"{string.Join("\" or \"", expectedStdout)}\"");

    public string LastSeen { get; private set; } = "";

    public async Task<bool> UntilAsync(IContainer container)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await container.ExecAsync(command, limit.Token).ConfigureAwait(false);
        LastSeen = $"last try: exit {result.ExitCode}, stdout \"{result.Stdout.Trim()}\", stderr "
            + $"\"{result.Stderr.Trim()}\"";
        return (anyExitCode || result.ExitCode == 0) && (expectedStdout.Length == 0
            || expectedStdout.Contains(result.Stdout.TrimEnd('\n')));
    }
}
