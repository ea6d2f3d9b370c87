using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

/// <summary>Differential tests against the machine's real systemd-journald and journalctl (systemd 252).</summary>
public sealed class RealJournaldTests : IClassFixture<RealJournaldRun>
{
    private readonly RealJournaldRun _run;

    private List<JsonElement> Entries(string file) => RealEntries.Parse(_run.Output(file));

    public RealJournaldTests(RealJournaldRun run)
    {
        _run = run;
        Assert.True(run.Finished, "the journald run did not finish:\n" + run.Result);
    }

    [Fact]
    public void JournaldSinkEntriesAreReadBackByTheRealJournalctl()
    {
        Assert.Equal($"sent {JournaldProbe.Records().Count()} dropped 0",
            Encoding.UTF8.GetString(_run.Output("send.txt")).Trim());
        var entries = Entries("probe-unit.json");
        var expected = JournaldProbe.Records().ToList();
        Assert.Equal(expected.Count, entries.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = entries[i];
            Assert.Equal(expected[i].Message, RealEntries.Bytes(e.GetProperty("MESSAGE")));
            Assert.Equal(expected[i].Priority.ToString(CultureInfo.InvariantCulture),
                e.GetProperty("PRIORITY").GetString());
            Assert.Equal(JournaldProbe.Identifier, e.GetProperty("SYSLOG_IDENTIFIER").GetString());
            Assert.Equal("4242", e.GetProperty("SYSLOG_PID").GetString());
            Assert.Equal(JournaldProbe.Unit, e.GetProperty("OBJECT_SYSTEMD_UNIT").GetString());
            Assert.Equal("journal", e.GetProperty("_TRANSPORT").GetString());
        }
        Assert.Equal(JournaldProbe.LargeSize, RealEntries.Bytes(entries[4].GetProperty("MESSAGE")).Length);
    }

    [Fact]
    public void StreamLinesAreCutExactlyAsRealJournaldCutsThem()
    {
        var real = Entries("all.json").Where(e => e.GetProperty("SYSLOG_IDENTIFIER").GetString() == "streamcut")
            .Select(e => (Convert.ToHexString(RealEntries.Bytes(e.GetProperty("MESSAGE"))),
                e.GetProperty("PRIORITY").GetString()!,
                e.TryGetProperty("_LINE_BREAK", out var b) ? b.GetString() : null))
            .ToList();
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var input = Path.Join(root.Path, "input.bin");
        File.WriteAllBytes(input, RealJournaldRun.StreamInput);
        pump.Wait(pump.Spawn("streamcut.service", "cat", input));
        var ours = pump.Collected.WaitFor(r => r.Any(x => x.Fields?.GetValueOrDefault("_LINE_BREAK") == "eof"))
            .Select(r => (Convert.ToHexString(r.Message), r.Priority.ToString(CultureInfo.InvariantCulture),
                r.Fields!.GetValueOrDefault("_LINE_BREAK")))
            .ToList();
        Assert.True(real.Count > 10, "journald logged too little: " + real.Count);
        Assert.Equal(real, ours);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("short-iso")]
    [InlineData("short-precise")]
    [InlineData("short-iso-precise")]
    [InlineData("short-unix")]
    [InlineData("cat")]
    public void OurJournalctlPrintsTheSameEntriesExactlyLikeTheRealOne(string mode)
    {
        using var root = RealEntries.CopyToOurJournal(Entries("all.json"));
        Assert.Equal(Encoding.UTF8.GetString(_run.Output("out." + mode)),
            Encoding.UTF8.GetString(TestJournal.RunBytes(root, "--no-pager", "-o", mode, "-t", "probe", "-t",
                "streamcut")));
    }

    [Fact]
    public void OurJsonUsesTheRealFieldNamesAndValueEncodings()
    {
        using var root = RealEntries.CopyToOurJournal(Entries("all.json"));
        var real = Encoding.UTF8.GetString(_run.Output("out.json")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ours = Encoding.UTF8.GetString(TestJournal.RunBytes(root, "-o", "json", "-t", "probe", "-t", "streamcut"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(real.Length, ours.Length);
        for (var i = 0; i < real.Length; i++)
        {
            using var r = JsonDocument.Parse(real[i]);
            using var o = JsonDocument.Parse(ours[i]);
            var realNames = r.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
            // Every field we print exists in journald's entry too, except the unit that only cgroups give journald.
            Assert.DoesNotContain(o.RootElement.EnumerateObject().Select(p => p.Name),
                n => !realNames.Contains(n) && n != "_SYSTEMD_UNIT");
            foreach (var name in new[] { "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "_PID", "_HOSTNAME", "_BOOT_ID",
                "__REALTIME_TIMESTAMP", "__MONOTONIC_TIMESTAMP" })
                Assert.Equal(r.RootElement.GetProperty(name).GetRawText(),
                    o.RootElement.GetProperty(name).GetRawText());
        }
    }

    [Fact]
    public void OurExportFramesMessagesLikeTheRealOne()
    {
        using var root = RealEntries.CopyToOurJournal(Entries("all.json"));
        var real = _run.Output("out.export");
        var ours = TestJournal.RunBytes(root, "-o", "export", "-t", "probe", "-t", "streamcut");
        var realMessages = RealEntries.ExportMessages(real);
        Assert.Equal(realMessages, RealEntries.ExportMessages(ours));
        Assert.Contains(realMessages, m => m.StartsWith("MESSAGE\n", StringComparison.Ordinal));
    }
}
