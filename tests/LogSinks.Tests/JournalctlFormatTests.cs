using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class JournalctlFormatTests
{
    private const long Time = 1709622489123456; // 2024-03-05 07:08:09.123456 UTC

    [Fact]
    public void ShortFormatsLayOutTimeHostIdentifierPidAndMessage()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Records.Make("web.service", "first\n\tsecond", realtime: Time, pid: 77),
            Records.Make("web.service", [0x61, 0x01, 0xff], realtime: Time + 1_000_000, pid: 77));
        var local = TestJournal.Local(Time);
        var host = Environment.MachineName;
        var stamp = local.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
        var prefix = $"{stamp} {host} web[77]: ";
        var second = TestJournal.Local(Time + 1_000_000).ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(
            $"{prefix}first\n{new string(' ', prefix.Length)}        second\n{second} {host} web[77]: [3B blob data]\n",
            TestJournal.Run(root, "--no-pager").Stdout);
        Assert.Equal($"{stamp} web[77]: first\n", TestJournal.Run(root, "--no-hostname", "-n", "2")
            .Stdout.Split('\n')[0] + "\n");
        var offset = TimeZoneInfo.Local.GetUtcOffset(DateTime.UnixEpoch.AddTicks(Time * 10));
        var zone = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hhmm", CultureInfo.InvariantCulture);
        Assert.StartsWith($"{local:yyyy-MM-dd'T'HH:mm:ss}{zone} {host} web[77]: first",
            TestJournal.Run(root, "-o", "short-iso").Stdout);
        Assert.StartsWith($"{stamp}.123456 {host} web[77]: first", TestJournal.Run(root, "-o", "short-precise").Stdout);
        Assert.StartsWith($"{Time / 1_000_000}.123456 {host} web[77]: first",
            TestJournal.Run(root, "-o", "short-unix").Stdout);
        Assert.Equal("first\n\tsecond\na\u0001\ufffd\n", TestJournal.Run(root, "-o", "cat").Stdout);
        Assert.Equal([.. "first\n\tsecond\n"u8, 0x61, 0x01, 0xff, 0x0a], TestJournal.RunBytes(root, "-o", "cat"));
    }

    [Fact]
    public void JsonFormatsEncodeValuesLikeJournalctl()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Records.Make("j.service", "multi\nline \"q\"", priority: 3, realtime: Time, pid: 9),
            Records.Make("j.service", [0x62, 0xff, 0x1b], realtime: Time + 1),
                Records.Make("j.service", new string('z', 5000), realtime: Time + 2));
        var lines = TestJournal.Run(root, "-o", "json").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var first = JsonDocument.Parse(lines[0]);
        var e = first.RootElement;
        Assert.Equal(["__CURSOR", "__REALTIME_TIMESTAMP", "__MONOTONIC_TIMESTAMP", "_BOOT_ID", "PRIORITY",
            "SYSLOG_IDENTIFIER", "_PID",
            "_HOSTNAME", "_TRANSPORT", "_SYSTEMD_UNIT", "MESSAGE"], e.EnumerateObject().Select(p => p.Name));
        Assert.All(e.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal(("multi\nline \"q\"", "3", "9", Time.ToString(CultureInfo.InvariantCulture)),
            (e.GetProperty("MESSAGE").GetString(), e.GetProperty("PRIORITY").GetString(),
                e.GetProperty("_PID").GetString(),
                e.GetProperty("__REALTIME_TIMESTAMP").GetString()));
        Assert.Contains("\"MESSAGE\":\"multi\\nline \\\"q\\\"\"", lines[0]);
        Assert.EndsWith("\"MESSAGE\":[98,255,27]}", lines[1]);
        Assert.EndsWith("\"MESSAGE\":null}", lines[2]);
        Assert.EndsWith($"\"MESSAGE\":\"{new string('z', 5000)}\"}}",
            TestJournal.Run(root, "-o", "json", "-a", "-n", "1").Stdout.TrimEnd());
        var pretty = TestJournal.Run(root, "-o", "json-pretty", "-n", "2").Stdout;
        Assert.StartsWith("{\n\t\"__CURSOR\" : \"s=", pretty);
        Assert.Contains("\t\"MESSAGE\" : [\n\t\t98,\n\t\t255,\n\t\t27\n\t]\n}\n{\n", pretty);
        var export = TestJournal.RunBytes(root, "-o", "export", "-n", "3");
        var text = Encoding.Latin1.GetString(export);
        Assert.Contains("\nMESSAGE\n\u000e\0\0\0\0\0\0\0multi\nline \"q\"\n\n", text);
        Assert.Contains("\nPRIORITY=3\n", text);
    }

    [Fact]
    public void BootOptionShowsOneBootAndShortOutputMarksBootChanges()
    {
        using var root = new TempRoot();
        var other = new Dictionary<string, string> { ["_BOOT_ID"] = "00112233445566778899aabbccddeeff" };
        TestJournal.Write(root, new LogRecord { Unit = "b.service", RealtimeUsec = Time, Message = "before"u8.ToArray(),
            Fields = other },
            Records.Make("b.service", "now"));
        Assert.Equal("now\n", TestJournal.Run(root, "-b", "-o", "cat").Stdout);
        Assert.Equal("before\n", TestJournal.Run(root, "-b", "-1", "-o", "cat").Stdout);
        var current = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim().Replace("-", "");
        Assert.Contains($"\n-- Boot {current} --\n", TestJournal.Run(root).Stdout);
    }

    [Fact]
    public void StatusTailGivesTheNewestLinesOfOneUnitInShortFormat()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, [.. Enumerable.Range(1, 15).Select(i =>
            Records.Make("s.service", $"line {i}", realtime: Time + i, pid: 5)),
            Records.Make("other.service", "not this", realtime: Time + 100)]);
        using var reader = Sinks.Reader(root.Path);
        var lines = JournalTail.Lines(reader, "s.service", 3);
        var stamp = TestJournal.Local(Time).ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(13, 3).Select(i => $"{stamp} {Environment.MachineName} s[5]: line {i}"), lines);
    }
}
