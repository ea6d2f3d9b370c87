using System.Text.RegularExpressions;
using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Reliability;

/// <summary>
/// Issue 11 item 8: every error path of the published binary speaks systemd's words. The publish strips the runtime's
/// messages (UseSystemResourceKeys), so a catch that printed an exception's message showed keys such as
/// <c>UnauthorizedAccess_IODenied_Path</c>; these run each path and look for such keys and stack traces.
/// </summary>
public sealed partial class ErrorTextTests : IDisposable
{
    private readonly TempRoot _root = new("platform-errtext-");

    public ErrorTextTests()
    {
        _root.WriteUnit("a.service", "[Service]\nExecStart=/bin/sleep 60\n[Install]\nWantedBy=multi-user.target\n");
        // A unit "file" that is a folder: reading it fails with EISDIR.
        Directory.CreateDirectory(_root.Combine("/etc/systemd/system/dir.service"));
        // Readable for the second user, writable by root only: the state of a real system's folders.
        foreach (var d in Directory.EnumerateDirectories(_root.Path, "*", SearchOption.AllDirectories)
            .Append(_root.Path))
            File.SetUnixFileMode(d, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(_root.Combine("/etc/systemd/system/a.service"), (UnixFileMode)0b110_100_100);
    }

    public static TheoryData<string[]> RootPaths => new()
    {
        new[] { "start", "nosuch" },
        new[] { "stop", "nosuch" },
        new[] { "bogus-verb" },
        new[] { "--bogus", "status" },
        new[] { "cat", "dir.service" },
        new[] { "status", "dir.service" },
        new[] { "start", "dir.service" },
        new[] { "show", "-p" },
        new[] { "enable", "nosuch" },
        new[] { "-c", "DefaultTimeoutStartSec=bogus", "start", "a" },
        new[] { "list-units", "--state=bogus" },
    };

    [PublishedTheory]
    [MemberData(nameof(RootPaths))]
    public void ErrorPathsAsRootPrintNoResourceKeys(string[] arguments)
    {
        var result = Published.RunSystemctl(_root, arguments);
        AssertClean(result);
    }

    [PublishedFact]
    public void ARunFolderThatIsAFileIsNamedWithItsErrno()
    {
        // ENOTDIR from deep inside the lock code reaches the top-level handler: strerror, never the runtime's key.
        File.WriteAllText(_root.Combine("/run"), "");
        var result = Published.RunSystemctl(_root, "start", "a");
        AssertClean(result);
        Assert.NotEqual(0, result.ExitCode);
    }

    [PublishedFact]
    public void JournalctlWithoutAReadableJournalSaysSo()
    {
        var result = CommandRunner.Run(Published.Journalctl, ["--root=" + _root.Path, "--bogus-option"]);
        AssertClean(result);
        Assert.Equal(1, result.ExitCode);
    }

    public static TheoryData<string[]> UserPaths => new()
    {
        new[] { "start", "a" },
        new[] { "stop", "a" },
        new[] { "restart", "a" },
        new[] { "try-restart", "a" },
        new[] { "reload", "a" },
        new[] { "kill", "a" },
        new[] { "reset-failed", "a" },
        new[] { "enable", "a" },
        new[] { "enable", "--now", "a" },
        new[] { "disable", "a" },
        new[] { "mask", "b" },
        new[] { "edit", "a" },
        new[] { "set-environment", "X=1" },
        new[] { "set-default", "multi-user.target" },
        new[] { "status", "a" },
        new[] { "status", "dir.service" },
        new[] { "is-active", "a" },
        new[] { "list-units" },
        new[] { "show", "a" },
    };

    [SecondUserTheory]
    [MemberData(nameof(UserPaths))]
    public void ErrorPathsAsAnotherUserPrintNoResourceKeys(string[] arguments)
    {
        var result = LocalTestUser.Run(Published.Systemctl, ["--root=" + _root.Path, .. arguments]);
        AssertClean(result);
    }

    [SecondUserFact]
    public void NonRootStartIsAccessDeniedAsSystemdSaysIt()
    {
        var result = LocalTestUser.Run(Published.Systemctl, "--root=" + _root.Path, "start", "a");
        Assert.Equal(new CommandResult(4, "",
            "Failed to start a.service: Access denied\n"
                + "See system logs and 'systemctl status a.service' for details.\n"), result);
        Assert.False(File.Exists(_root.Combine("/run/platform/status/a.service.status")));
    }

    [SecondUserFact]
    public void NonRootJournalctlPrintsNoResourceKeys()
    {
        Directory.CreateDirectory(_root.Combine("/var/log/journal"));
        File.SetUnixFileMode(_root.Combine("/var/log/journal"), (UnixFileMode)0b111_000_000);
        AssertClean(LocalTestUser.Run(Published.Journalctl, "--root=" + _root.Path));
        AssertClean(LocalTestUser.Run(Published.Journalctl, "--root=" + _root.Path, "--verify"));
    }

    private static void AssertClean(CommandResult result)
    {
        var all = result.Stdout + result.Stderr;
        Assert.DoesNotMatch(ResourceKey(), all);
        Assert.DoesNotContain("Arg_", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+_[A-Z][A-Za-z_]+\b")]
    private static partial Regex ResourceKey();

    public void Dispose()
    {
        // The starts above spawn the root's detached log pump: it ends with the root, not when idle later.
        ProcessReaper.KillMentioning(_root.Path);
        _root.Dispose();
    }
}
