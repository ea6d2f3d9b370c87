using Platform.Abstractions;
using Platform.Journal;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests.Support;

/// <summary>Fills a file journal with records and runs our journalctl over it.</summary>
internal static class TestJournal
{
    public static void Write(TempRoot root, params LogRecord[] records)
    {
        using var sink = Sinks.File(root.Path);
        foreach (var r in records) sink.Write(r);
    }

    public static CommandResult Run(TempRoot root, params string[] args)
    {
        using var reader = Sinks.Reader(root.Path);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = JournalctlCommand.Run(args, reader, stdout, stderr);
        return new CommandResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs journalctl into a byte stream (exact bytes).</summary>
    public static byte[] RunBytes(TempRoot root, params string[] args)
    {
        using var reader = Sinks.Reader(root.Path);
        var stdout = new MemoryStream();
        Assert.Equal(0, JournalctlCommand.Run(args, reader, stdout, TextWriter.Null));
        return stdout.ToArray();
    }

    /// <summary>The local wall-clock text journalctl prints for a time in µs.</summary>
    public static DateTime Local(long usec) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddTicks(usec * 10), TimeZoneInfo.Local);
}
