using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>Waits until a log line contains a text or matches a pattern.</summary>
internal sealed class LogLineWait(string? text, Regex? pattern) : IWaitStrategy
{
    public string Description => text is not null ? $"a log line containing \"{text}\"" : $"a log line matching /{pattern}/";

    public async Task<WaitCheck> CheckAsync(TestContainer container, CancellationToken ct)
    {
        var logs = await container.GetLogsAsync(ct).ConfigureAwait(false);
        foreach (var stream in (string[])[logs.Stdout, logs.Stderr])
            foreach (var line in stream.Split('\n'))
                if (text is not null ? line.Contains(text, StringComparison.Ordinal) : pattern!.IsMatch(line))
                    return new WaitCheck(true, line);
        return new WaitCheck(false, $"not among {logs.Stdout.Length + logs.Stderr.Length} bytes of logs");
    }
}
