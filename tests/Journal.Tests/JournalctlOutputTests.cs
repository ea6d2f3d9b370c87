using Platform.Journal.Tests.Support;
using static Platform.Journal.Tests.Support.JsonField;

namespace Platform.Journal.Tests;

/// <summary>
/// A real service's known lines, counted and read back through journalctl's output modes and selections.
/// </summary>
public sealed class JournalctlOutputTests : IDisposable
{
    private const int Count = 300;
    private readonly LogSandbox _box = new();

    public JournalctlOutputTests()
    {
        _box.Start("counter.service",
            $"[Service]\n"
            + $"ExecStart=/bin/sh -c 'i=1; while [ $$i -le {Count} ]; do echo \"line $$i\"; i=$$((i+1)); done'\n");
    }

    public void Dispose() => _box.Dispose();

    private static List<string> Expected(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => $"line {i}")];

    [Fact]
    public void EveryLineOfTheServiceArrivesOnceAndInOrderInCatOutput()
    {
        var lines = _box.WaitForLines("counter", Count);

        Assert.Equal(Expected(1, Count), lines);
    }

    [Fact]
    public void ShortOutputPrefixesEachLineWithTimeHostIdentifierAndPid()
    {
        _box.WaitForLines("counter", Count);

        var lines = LogSandbox.Lines(_box.Journalctl("-u", "counter.service", "-o", "short"));

        Assert.Equal(Count, lines.Count);
        var pid = Number(_box.Json("-u", "counter")[0], "_PID");
        for (var i = 0; i < Count; i++)
        {
            Assert.Matches(@"^[A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d \S+ sh\[\d+\]: line \d+$", lines[i]);
            Assert.EndsWith($" sh[{pid}]: line {i + 1}", lines[i]);
        }
    }

    [Fact]
    public void JsonOutputCarriesJournaldFieldsForEveryLine()
    {
        _box.WaitForLines("counter", Count);

        var entries = _box.Json("-u", "counter");

        Assert.Equal(Count, entries.Count);
        var previous = 0L;
        for (var i = 0; i < Count; i++)
        {
            var e = entries[i];
            Assert.Equal($"line {i + 1}", Text(e, "MESSAGE"));
            Assert.Equal("counter.service", Text(e, "_SYSTEMD_UNIT"));
            Assert.Equal("6", Text(e, "PRIORITY"));
            Assert.Equal("sh", Text(e, "SYSLOG_IDENTIFIER"));
            Assert.Equal("stdout", Text(e, "_TRANSPORT"));
            Assert.Equal("3", Text(e, "SYSLOG_FACILITY"));
            Assert.Equal("system.slice", Text(e, "_SYSTEMD_SLICE"));
            Assert.Equal("sh", Text(e, "_COMM"));
            Assert.Equal(Environment.MachineName, Text(e, "_HOSTNAME"));
            Assert.True(Number(e, "_PID") > 1);
            Assert.Matches("^[0-9a-f]{32}$", Text(e, "_BOOT_ID"));
            var time = Number(e, "__REALTIME_TIMESTAMP");
            Assert.True(time >= previous && time > DateTimeOffset.UtcNow.AddMinutes(-5)
                .ToUnixTimeMilliseconds() * 1000);
            previous = time;
        }
    }

    [Fact]
    public void LinesOptionShowsOnlyTheNewestEntriesAndReverseTurnsThemAround()
    {
        _box.WaitForLines("counter", Count);

        var newest = LogSandbox.Lines(_box.Journalctl("-u", "counter", "-o", "cat", "-n", "7"));
        var reversed = LogSandbox.Lines(_box.Journalctl("-u", "counter", "-o", "cat", "-n", "7", "-r"));
        var allReversed = LogSandbox.Lines(_box.Journalctl("-u", "counter", "-o", "cat", "-r"));

        Assert.Equal(Expected(Count - 6, Count), newest);
        Assert.Equal(Enumerable.Reverse(Expected(Count - 6, Count)), reversed);
        Assert.Equal(Enumerable.Reverse(Expected(1, Count)), allReversed);
    }

    [Fact]
    public void UnitGlobsAndUnknownUnitsSelectAsJournalctlDoes()
    {
        _box.WaitForLines("counter", Count);

        var byGlob = LogSandbox.Lines(_box.Journalctl("-u", "count*", "-o", "cat"));
        var unknown = _box.Journalctl("-u", "nothing-here", "-o", "cat");

        Assert.Equal(Expected(1, Count), byGlob);
        Assert.Equal((0, "-- No entries --\n"), (unknown.ExitCode, unknown.Stdout));
    }
}
