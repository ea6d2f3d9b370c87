using Platform.Journal.Tests.Support;

namespace Platform.Journal.Tests;

/// <summary><c>journalctl -f</c> on a service that keeps writing, and on one that has not started yet.</summary>
public sealed class FollowTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private static int Tick(string line) => int.Parse(line["tick ".Length..]);

    [Fact]
    public void FollowPrintsTheNewestLinesThenEachNewLineOfALiveServiceUntilSigterm()
    {
        _box.Start("ticker.service",
            "[Service]\nExecStart=/bin/sh -c 'i=1; while true; do echo \"tick $$i\"; i=$$((i+1)); sleep 0.05; done'\n");
        _box.WaitForLines("ticker", 20);

        using var follow = new Follower(_box.Path, "-u", "ticker", "-o", "cat");
        var initial = follow.WaitUntil(l => l.Count >= 10);
        var firstLive = Tick(initial[9]) + 1;
        var lines = follow.WaitUntil(l => l.Count >= 40);
        var exit = follow.Terminate();

        Assert.Equal(0, exit);
        Assert.True(lines.Count >= 40, "followed only " + lines.Count + " lines");
        Assert.True(Tick(initial[0]) > 1, "the initial lines are the newest, not the first: " + initial[0]);
        var ticks = lines.Select(Tick).ToList();
        Assert.Equal(Enumerable.Range(ticks[0], ticks.Count), ticks);
        Assert.Contains(firstLive + 20, ticks);
    }

    [Fact]
    public void FollowStartedBeforeTheServiceExistsSeesEveryLineFromTheFirst()
    {
        _box.Box.Unit("late.service",
            "[Service]\nExecStart=/bin/sh -c 'for i in $$(seq 1 500); do echo \"tick $$i\"; done'\n");
        // -n all: however late the follower gets going on a busy machine, it starts from the first line.
        using var follow = new Follower(_box.Path, "-u", "late", "-o", "cat", "-n", "all");

        Assert.Equal(0, _box.Box.Systemctl("start", "late").ExitCode);
        var lines = follow.WaitUntil(l => l.Count >= 500);

        Assert.Equal(Enumerable.Range(1, 500).Select(i => $"tick {i}"), lines);
    }
}
