using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

/// <summary>
/// The same units and states as in the recorded systemd 252 outputs (tests/Host.Tests/Reference) give the same bytes.
/// </summary>
public sealed class ReferenceOutputTests
{
    private static string Reference(string file) =>
        File.ReadAllText(Path.Join(Published.RepoRoot, "tests/Host.Tests/Reference/systemd252", file));

    private static TempRoot ReferenceRoot()
    {
        var t = new TempRoot("platform-ref-");
        t.WriteUnit("hello.service", "[Unit]\nDescription=Hello loop\nAfter=setup.service\nWants=setup.service\n"
            + "[Service]\nExecStart=/bin/sh -c 'sleep 1'\n[Install]\nWantedBy=multi-user.target\n");
        t.WriteUnit("setup.service",
            "[Unit]\nDescription=One-time setup\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        t.WriteUnit("fail.service", "[Service]\nExecStart=/bin/sh -c 'exit 3'\n");
        return t;
    }

    [PublishedFact]
    public void FailedUnitListMatchesSystemd252ByteForByte()
    {
        using var root = ReferenceRoot();
        StatusRecords.Write(root, "hello.service", "active", "running");
        StatusRecords.Write(root, "fail.service", "failed", "failed", execMainStatus: 3, result: "exit-code");
        var r = Published.RunSystemctl(root, "list-units", "--state=failed");
        Assert.Equal(Reference("list-units-failed.txt"), r.Stdout);
    }

    [PublishedFact]
    public void ReverseDependencyTreeMatchesSystemd252ByteForByte()
    {
        using var root = ReferenceRoot();
        StatusRecords.Write(root, "hello.service", "active", "running");
        var r = Published.RunSystemctl(root, "list-dependencies", "--reverse", "setup.service");
        var recorded = Reference("exit-codes.txt");
        var start = recorded.IndexOf("### systemctl list-dependencies --reverse setup.service\n",
            StringComparison.Ordinal);
        var block = recorded[(recorded.IndexOf('\n', start) + 1)
            ..recorded.IndexOf("rc=", start, StringComparison.Ordinal)];
        Assert.Equal(block, r.Stdout);
    }
}
