using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Reliability;

/// <summary>
/// Issue 11 item 9: a garbage unit file in the unit folders costs only that unit. Commands about other units print
/// no warning about it; loading it for its own sake (status) shows systemd's file:line message.
/// </summary>
public sealed class GarbageUnitTests : IDisposable
{
    private readonly TempRoot _root = new("platform-garbage-");

    public GarbageUnitTests()
    {
        _root.WriteUnit("good.service",
            "[Unit]\nDescription=good\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        _root.WriteUnit("quote.service", "[Service]\nExecStart=/bin/echo \"unterminated\n");
        _root.WriteUnit("junk.service", "junk\n[Bogus]\nx\n[Service]\nExecStart=/bin/true\nnoequals\n");
        File.WriteAllBytes(_root.Combine("/etc/systemd/system/utf8.service"),
            [.. "[Service]\nExecStart=/bin/echo "u8, 0xff, (byte)'\n']);
        File.WriteAllBytes(_root.Combine("/etc/systemd/system/nul.service"),
            [.. "[Service]\nExecStart=/bin/echo a"u8, 0, .. "b\n"u8]);
        _root.WriteUnit("long.service", "[Service]\nExecStart=/bin/echo " + new string('x', 1 << 20) + "\n");
    }

    [PublishedTheory]
    [InlineData("start", "good")]
    [InlineData("restart", "good")]
    [InlineData("status", "good")]
    [InlineData("is-active", "good")]
    [InlineData("show", "good")]
    [InlineData("stop", "good")]
    [InlineData("is-enabled", "good")]
    public void OtherUnitsCommandsPrintNoWarningAboutIt(string verb, string unit)
    {
        var result = Published.RunSystemctl(_root, "-c", "DefaultTimeoutStopSec=5", verb, unit);
        Assert.True(result.Stderr.Length == 0, result.ToString());
    }

    [PublishedFact]
    public void ItsOwnStatusNamesFileAndLine()
    {
        var status = Published.RunSystemctl(_root, "status", "quote.service");
        Assert.Contains("Loaded: bad-setting", status.Stdout);
        Assert.Contains(_root.Combine("/etc/systemd/system/quote.service")
            + ":2: Unbalanced quoting, ignoring: \"/bin/echo \"unterminated\"", status.Stdout);
        var start = Published.RunSystemctl(_root, "start", "quote.service");
        Assert.Equal(1, start.ExitCode);
        Assert.StartsWith("Failed to start quote.service: Unit quote.service has a bad unit file setting.",
            start.Stderr);

        var utf8 = Published.RunSystemctl(_root, "start", "utf8.service");
        Assert.Equal(1, utf8.ExitCode);
        Assert.Contains(_root.Combine("/etc/systemd/system/utf8.service")
            + ":2: String is not UTF-8 clean, ignoring assignment: ExecStart=/bin/echo \uFFFD", utf8.Stderr);
        Assert.Contains("failed to load properly, please adjust/correct and reload service manager: Invalid argument",
            utf8.Stderr);

        var big = Published.RunSystemctl(_root, "show", "long.service", "-p", "LoadState");
        Assert.Equal("LoadState=error\n", big.Stdout);
    }

    public void Dispose()
    {
        Published.RunSystemctl(_root, "stop", "good");
        _root.Dispose();
    }
}
