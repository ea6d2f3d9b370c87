namespace Platform.Testing;

/// <summary>Waits until a command exits 0 (and, optionally, prints an expected text).</summary>
internal sealed class ExecWait(string[] command, string? expectedStdout) : IWaitStrategy
{
    public string Description => $"`{string.Join(' ', command)}` to succeed" + (expectedStdout is null ? "" : $" printing \"{expectedStdout}\"");

    public async Task<WaitCheck> CheckAsync(TestContainer container, CancellationToken ct)
    {
        var result = await container.ExecAsync(command, timeout: TimeSpan.FromSeconds(30), ct: ct).ConfigureAwait(false);
        var ready = result.ExitCode == 0 && (expectedStdout is null || result.Stdout.TrimEnd('\n') == expectedStdout);
        return new WaitCheck(ready, $"last try: exit {result.ExitCode}, stdout \"{result.Stdout.Trim()}\", stderr \"{result.Stderr.Trim()}\"");
    }
}
