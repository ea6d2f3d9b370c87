using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Issue 10: chrony's <c>ConditionCapability=CAP_SYS_TIME</c> must skip the start where the capability is not in the
/// bounding set.
/// </summary>
public sealed class ConditionTests : IDisposable
{
    private const string Setpriv = "/usr/bin/setpriv";

    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void AMissingCapabilitySkipsTheStartAndStatusSaysWhy()
    {
        // Without setpriv, a capability every bounding set has, negated, is just as missing.
        var dropped = File.Exists(Setpriv);
        var condition = dropped ? "CAP_SYS_TIME" : "!CAP_CHOWN";
        var marker = _box.File("ran");
        _box.Unit("chrony.service",
            $"[Unit]\nConditionCapability={condition}\n[Service]\n"
            + $"ExecStart=/bin/sh -c 'touch {marker}; exec sleep 300'\n");

        var start = dropped
            ? CommandRunner.Run(Setpriv, ["--bounding-set", "-sys_time", Published.Systemctl, "--root=" + _box.Path,
                "start", "chrony"])
            : _box.Systemctl("start", "chrony");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("inactive", _box.Systemctl("is-active", "chrony").Stdout.Trim());
        Assert.False(File.Exists(marker));
        var status = _box.Systemctl("status", "chrony");
        Assert.Equal(3, status.ExitCode);
        Assert.Matches(@"\n  Condition: start condition failed at \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \w+; .+ ago\n",
            status.Stdout);
        Assert.Contains($"\n             └─ ConditionCapability={condition} was not met\n", status.Stdout);
        Assert.Equal("no", _box.Property("chrony.service", "ConditionResult"));
    }

    [Fact]
    public void AHeldCapabilityStartsTheUnit()
    {
        _box.Unit("chrony.service",
            "[Unit]\nConditionCapability=CAP_CHOWN\nConditionVirtualization=|!no-such-virt\n[Service]\n"
            + "ExecStart=/bin/sleep 300\n");

        Assert.Equal(0, _box.Systemctl("start", "chrony").ExitCode);

        Assert.Equal("active", _box.Systemctl("is-active", "chrony").Stdout.Trim());
        Assert.Equal(("yes", "yes"), (_box.Property("chrony.service", "ConditionResult"),
            _box.Property("chrony.service", "AssertResult")));
        Assert.DoesNotContain("Condition:", _box.Systemctl("status", "chrony").Stdout);
    }

    [Fact]
    public void EveryFailedConditionIsListedInSystemdsOrderAndAnEmptyValueResets()
    {
        _box.Unit("multi.service", "[Unit]\nConditionPathExists=/no/such/a\nConditionPathExists=\n" +
            "ConditionPathExists=|/no/such/b\nConditionPathExists=|/no/such/c\n[Service]\nExecStart=/bin/sleep 300\n");

        Assert.Equal(0, _box.Systemctl("start", "multi").ExitCode);

        var status = _box.Systemctl("status", "multi").Stdout;
        Assert.Contains(
            "             ├─ ConditionPathExists=|/no/such/c was not met\n"
            + "             └─ ConditionPathExists=|/no/such/b was not met\n", status);
        Assert.DoesNotContain("/no/such/a", status);
    }

    [Fact]
    public void PathConditionsLookInsideTheRoot()
    {
        _box.Root.Write("/etc/inside-only", "x");
        _box.Unit("rooted.service",
            "[Unit]\nConditionFileNotEmpty=/etc/inside-only\n[Service]\nExecStart=/bin/sleep 300\n");

        Assert.Equal(0, _box.Systemctl("start", "rooted").ExitCode);

        Assert.Equal("active", _box.Systemctl("is-active", "rooted").Stdout.Trim());
    }

    [Fact]
    public void AFailedAssertionFailsTheJobButNotTheUnit()
    {
        _box.Unit("strict.service", "[Unit]\nAssertPathExists=/no/such/file\n[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "strict");

        Assert.Equal((1, "Assertion failed on job for strict.service.\n"), (start.ExitCode, start.Stderr));
        Assert.Equal("inactive", _box.Systemctl("is-active", "strict").Stdout.Trim());
        var status = _box.Systemctl("status", "strict").Stdout;
        Assert.Matches(
            @"\n     Assert: start assertion failed at .+ ago\n"
            + @"             └─ AssertPathExists=/no/such/file was not met\n", status);
        Assert.Equal("no", _box.Property("strict.service", "AssertResult"));
    }
}
