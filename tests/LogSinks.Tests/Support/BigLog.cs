using System.Text;

namespace Platform.LogSinks.Tests.Support;

/// <summary>A file of fixed 100-byte lines (99 characters and a newline) for throughput measurements.</summary>
internal static class BigLog
{
    public const int LineBytes = 100;

    public static int Write(string path, int megabytes)
    {
        var lines = megabytes * 1024 * 1024 / LineBytes;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var line = new byte[LineBytes];
        for (var i = 0; i < lines; i++)
        {
            var head = Encoding.ASCII.GetBytes($"line {i:D8} ");
            head.CopyTo(line, 0);
            line.AsSpan(head.Length, LineBytes - 1 - head.Length).Fill((byte)'x');
            line[^1] = (byte)'\n';
            file.Write(line);
        }
        return lines;
    }

    public static string Figure(long bytes, TimeSpan elapsed) =>
        $"{bytes / 1e6 / elapsed.TotalSeconds:F1} MB/s ({bytes / 1e6:F1} MB in {elapsed.TotalMilliseconds:F0} ms)";
}
