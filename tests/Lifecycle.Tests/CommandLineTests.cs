using System.Text.RegularExpressions;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Options systemd 252 accepts either work or fail with one line; the daemon-less halt, --wait, --no-block, --failed.
/// </summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>Every long option in real systemctl 252's --help, with a value where it takes one.</summary>
    public static TheoryData<string> SystemdOptions()
    {
        var data = new TheoryData<string>();
        if (!File.Exists("/usr/bin/systemctl")) return data;
        var help = CommandRunner.Run("/usr/bin/systemctl", ["--help"]).Stdout;
        foreach (Match m in OptionInHelp().Matches(help))
            data.Add(m.Groups[2].Success ? $"--{m.Groups[1].Value}=x" : "--" + m.Groups[1].Value);
        return data;
    }

    [GeneratedRegex(@"^\s+(?:-\S )?--([a-z-]+)(=)?", RegexOptions.Multiline)]
    private static partial Regex OptionInHelp();

    [Theory]
    [MemberData(nameof(SystemdOptions))]
    public void EveryOptionOfSystemd252IsKnownAndEitherWorksOrFailsWithOneLine(string option)
    {
        var result = _box.Systemctl("is-enabled", "nothing.service", option);

        Assert.DoesNotContain("unrecognized option", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.True(result.Stderr.Count(c => c == '\n') <= 1, result.ToString());
    }

    [Theory]
    [InlineData("-H", "host", "Operating on a remote host (-H/--host) is not supported")]
    [InlineData("--machine", "box", "Operating on a container (-M/--machine) is not supported")]
    [InlineData("--image", "/x.raw", "--image= is not supported")]
    public void OptionsThatNeedADaemonFailWithOneLine(string option, string value, string message)
    {
        var result = _box.Systemctl("status", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("systemctl: " + message, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void FailedListsOnlyFailedUnits()
    {
        _box.Unit("ok.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("bad.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        Assert.Equal(0, _box.Systemctl("start", "ok").ExitCode);
        Assert.Equal(1, _box.Systemctl("start", "bad").ExitCode);

        foreach (var args in new[] { new[] { "--failed", "--no-legend" }, ["list-units", "--failed", "--no-legend"] })
        {
            var list = _box.Systemctl(args);
            Assert.Contains("bad.service", list.Stdout);
            Assert.DoesNotContain("ok.service", list.Stdout);
        }
    }

    [Fact]
    public void HaltWithoutAnInitStopsWhatRunsInReverseOrderAndDryRunDoesNothing()
    {
        var log = _box.File("stops");
        _box.Unit("db.service", $"[Service]\nExecStart=/bin/sleep 300\nExecStop=/bin/sh -c 'echo db >> {log}'\n");
        _box.Unit("app.service",
            $"[Unit]\nRequires=db.service\nAfter=db.service\n[Service]\nExecStart=/bin/sleep 300\n"
            + $"ExecStop=/bin/sh -c 'echo app >> {log}'\n");
        Assert.Equal(0, _box.Systemctl("start", "app").ExitCode);

        Assert.Equal(0, _box.Systemctl("--dry-run", "halt").ExitCode);
        Assert.Equal("active", _box.Property("app.service", "ActiveState"));

        var halt = _box.Systemctl("halt");

        Assert.True(halt.ExitCode == 0, halt.ToString());
        Assert.Equal(["app", "db"], File.ReadAllLines(log));
        Assert.Equal("inactive", _box.Property("db.service", "ActiveState"));
    }

    [Fact]
    public void DryRunWithAVerbThatCannotHonourItFailsInsteadOfActing()
    {
        _box.Unit("x.service", "[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("--dry-run", "start", "x");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("--dry-run is supported only by", start.Stderr);
        Assert.Equal("inactive", _box.Property("x.service", "ActiveState"));
    }

    [Fact]
    public void StartWaitReturnsWhenTheServiceEndsWithItsOutcome()
    {
        _box.Unit("good.service", "[Service]\nExecStart=/bin/sh -c 'sleep 0.5; exit 0'\n");
        _box.Unit("bad.service", "[Service]\nExecStart=/bin/sh -c 'sleep 0.5; exit 3'\n");

        var good = _box.Systemctl("start", "--wait", "good");
        var bad = _box.Systemctl("start", "--wait", "bad");

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal("inactive", _box.Property("good.service", "ActiveState"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("failed", _box.Property("bad.service", "ActiveState"));
        Assert.Equal("3", _box.Property("bad.service", "ExecMainStatus"));
    }

    [Fact]
    public void NoBlockReturnsBeforeTheServiceIsReadyAndTheStartStillHappens()
    {
        var gate = _box.File("gate");
        _box.Unit("slow.service", "[Service]\nType=notify\nNotifyAccess=all\n" +
            $"ExecStart=/bin/sh -c 'while [ ! -e {gate} ]; do sleep 0.05; done; {Published.SystemdNotify} --ready; "
                + $"exec sleep 300'\n");

        var start = _box.Systemctl("start", "--no-block", "slow");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("slow.service", "ActiveState") == "activating",
            TimeSpan.FromSeconds(10)));
        File.WriteAllText(gate, "");
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("slow.service", "ActiveState") == "active",
            TimeSpan.FromSeconds(10)));
    }
}
