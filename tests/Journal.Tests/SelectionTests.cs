using System.Globalization;
using Platform.Journal.Tests.Support;
using static Platform.Journal.Tests.Support.JsonField;

namespace Platform.Journal.Tests;

/// <summary>
/// --since/--until, -p and the priority a line gets from its prefix, SyslogLevel= and SyslogIdentifier=.
/// </summary>
public sealed class SelectionTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private static string At(long usec) => "@" + (usec / 1_000_000m).ToString(CultureInfo.InvariantCulture);

    // Lines apart in time: lines that arrive in one read share their timestamp, as in journald.
    [Fact]
    public void SinceAndUntilSplitTwoBatchesWrittenASecondApart()
    {
        _box.Start("batches.service",
            "[Service]\n"
            + "ExecStart=/bin/sh -c 'for i in 1 2 3; do echo a$$i; sleep 0.1; done; sleep 1; for i in 1 2 3; do echo "
            + "b$$i; sleep 0.1; done'\n");
        _box.WaitForLines("batches", 6);
        var entries = _box.Json("-u", "batches");
        var lastA = Number(entries[2], "__REALTIME_TIMESTAMP");
        var firstB = Number(entries[3], "__REALTIME_TIMESTAMP");

        var since = LogSandbox.Lines(_box.Journalctl("-u", "batches", "-o", "cat", "--since", At(firstB)));
        var until = LogSandbox.Lines(_box.Journalctl("-u", "batches", "-o", "cat", "--until=" + At(lastA)));
        var window = LogSandbox.Lines(_box.Journalctl("-u", "batches", "-o", "cat", "-S", At(lastA), "-U", At(firstB)));
        var future = _box.Journalctl("-u", "batches", "-o", "cat", "--since", "+1h");
        var pastHour = LogSandbox.Lines(_box.Journalctl("-u", "batches", "-o", "cat", "--since", "-1h"));

        Assert.Equal(["b1", "b2", "b3"], since);
        Assert.Equal(["a1", "a2", "a3"], until);
        Assert.Equal(["a3", "b1"], window);
        Assert.Equal("-- No entries --\n", future.Stdout);
        Assert.Equal(["a1", "a2", "a3", "b1", "b2", "b3"], pastHour);
    }

    [Fact]
    public void LeadingPriorityPrefixesSetThePriorityAndPriorityOptionFiltersByIt()
    {
        _box.Start("levels.service",
            "[Service]\nExecStart=/bin/sh -c 'printf \"<3>broken\\n<4>careful\\nplain\\n<7>details\\n<1>alert\\n\"'\n");
        _box.WaitForLines("levels", 5);

        var entries = _box.Json("-u", "levels");
        var warnings = LogSandbox.Lines(_box.Journalctl("-u", "levels", "-o", "cat", "-p", "warning"));
        var range = LogSandbox.Lines(_box.Journalctl("-u", "levels", "-o", "cat", "-p", "warning..info"));
        var numeric = LogSandbox.Lines(_box.Journalctl("-u", "levels", "-o", "cat", "-p", "3"));

        Assert.Equal([("broken", "3"), ("careful", "4"), ("plain", "6"), ("details", "7"), ("alert", "1")],
            entries.Select(e => (Text(e, "MESSAGE"), Text(e, "PRIORITY"))));
        Assert.Equal(["broken", "careful", "alert"], warnings);
        Assert.Equal(["careful", "plain"], range);
        Assert.Equal(["broken", "alert"], numeric);
    }

    [Fact]
    public void SyslogLevelSetsTheDefaultAndSyslogLevelPrefixOffKeepsPrefixesAsText()
    {
        _box.Start("notice.service",
            "[Service]\nSyslogLevel=notice\nExecStart=/bin/sh -c 'echo plain; echo \"<2>critical\"'\n");
        _box.Start("literal.service",
            "[Service]\nSyslogLevelPrefix=no\nExecStart=/bin/sh -c 'echo \"<2>not a prefix\"'\n");
        _box.WaitForLines("notice", 2);
        _box.WaitForLines("literal", 1);

        var notice = _box.Json("-u", "notice").Select(e => (Text(e, "MESSAGE"), Text(e, "PRIORITY")));
        var literal = _box.Json("-u", "literal").Select(e => (Text(e, "MESSAGE"), Text(e, "PRIORITY")));

        Assert.Equal([("plain", "5"), ("critical", "2")], notice);
        Assert.Equal([("<2>not a prefix", "6")], literal);
    }

    [Fact]
    public void SyslogIdentifierNamesTheEntriesAndIdentifierOptionSelectsThem()
    {
        _box.Start("named.service", "[Service]\nSyslogIdentifier=greeter\nExecStart=/bin/echo hello from greeter\n");
        _box.Start("plain.service", "[Service]\nExecStart=/bin/echo hello from echo\n");
        _box.WaitForLines("named", 1);
        _box.WaitForLines("plain", 1);

        var named = _box.Json("-u", "named").Single();
        var plain = _box.Json("-u", "plain").Single();
        var byIdentifier = LogSandbox.Lines(_box.Journalctl("-t", "greeter", "-o", "cat"));
        var short1 = LogSandbox.Lines(_box.Journalctl("-u", "named", "-o", "short")).Single();

        Assert.Equal("greeter", Text(named, "SYSLOG_IDENTIFIER"));
        Assert.Equal("echo", Text(plain, "SYSLOG_IDENTIFIER"));
        Assert.Equal(["hello from greeter"], byIdentifier);
        Assert.EndsWith($" greeter[{Text(named, "_PID")}]: hello from greeter", short1);
    }
}
