using Platform.Notify;
using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

/// <summary>systemd-notify's command line: what it refuses, and the options that send nothing.</summary>
public sealed class SystemdNotifyArgumentTests
{
    [Theory]
    [InlineData("--pid=abc", "Failed to parse PID abc.\n")]
    [InlineData("--pid=0", "Failed to parse PID 0.\n")]
    [InlineData("--bogus", "systemd-notify: unrecognized option '--bogus'\n")]
    [InlineData("--status", "systemd-notify: option '--status' requires an argument\n")]
    [InlineData("--ready=1", "systemd-notify: option '--ready' doesn't allow an argument\n")]
    [InlineData("-x", "systemd-notify: invalid option -- 'x'\n")]
    public void BadArgumentsFailWithOneLine(string argument, string expected)
    {
        Assert.Equal((1, "", expected), InProcessNotify.Run("/nonexistent", argument));
    }

    [Fact]
    public void HelpSucceedsAndNoArgumentsPrintsHelpButFails()
    {
        var help = InProcessNotify.Run(null, "--help");
        var none = InProcessNotify.Run(null);

        Assert.Equal(0, help.Exit);
        Assert.StartsWith("systemd-notify [OPTIONS...] [VARIABLE=VALUE...]", help.Out);
        Assert.Contains("--reloading", help.Out);
        Assert.Equal((1, help.Out, ""), none);
    }

    [Fact]
    public void VersionNamesTheSystemdReleaseFirst()
    {
        var (exit, output, _) = InProcessNotify.Run(null, "--version");

        Assert.Equal(0, exit);
        Assert.StartsWith($"systemd {SystemdNotifyCommand.CompatibleSystemd} (platform ", output);
    }

    [Fact]
    public void BootedAnswersWhetherSystemdRunsWithoutSendingAnything()
    {
        var (exit, output, err) = InProcessNotify.Run(null, "--booted", "--ready");

        Assert.Equal(Directory.Exists("/run/systemd/system") ? 0 : 1, exit);
        Assert.Equal("", output + err);
    }

    [Fact]
    public void UidResolvesNamesFromPasswdAndAcceptsNumbers()
    {
        using var root = new TempRoot();
        var passwd = root.Write("/etc/passwd",
            "root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:34:www:/var/www:/usr/sbin/nologin\n");

        Assert.True(UserLookup.TryResolve("www-data", out var uid, out var gid, passwd));
        Assert.Equal((33, 34), (uid, gid));
        Assert.True(UserLookup.TryResolve("1001", out uid, out gid, passwd));
        Assert.Equal((1001, -1), (uid, gid));
        Assert.False(UserLookup.TryResolve("nosuchuser", out _, out _, passwd));
    }

    [Fact]
    public void OptionsMayFollowAssignmentsAndDoubleDashEndsOptions()
    {
        Assert.Null(NotifyCommandOptions.TryParse(["X=1", "--ready", "--uid", "0", "--", "--status=literal"],
            out var options));

        Assert.Equal("0", options.Uid);
        Assert.Equal("READY=1\nX=1\n--status=literal", SystemdNotifyCommand.BuildMessage(options, mainPid: null));
    }
}
