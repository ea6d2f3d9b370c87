using System.Text.RegularExpressions;
using DotNet.Testcontainers.Containers;

namespace Platform.Testing;

/// <summary>Waits until a line of the container's stdout or stderr contains a text or matches a pattern.</summary>
internal sealed class LogLineWait(string? text, Regex? pattern) : IDescribedWait
{
    public string Description =>
        text is not null ? $"a log line containing \"{text}\"" : $"a log line matching /{pattern}/";

    public string LastSeen { get; private set; } = "";

    public async Task<bool> UntilAsync(IContainer container)
    {
        var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: false).ConfigureAwait(false);
        foreach (var stream in (string[])[stdout, stderr])
            foreach (var line in stream.Split('\n'))
                if (text is not null ? line.Contains(text, StringComparison.Ordinal) : pattern!.IsMatch(line))
                    return true;
        LastSeen = $"not among {stdout.Length + stderr.Length} bytes of logs";
        return false;
    }
}
