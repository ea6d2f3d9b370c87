namespace TcpReadyNotifier.Tests;

/// <summary>The polling loop itself, with a probe that counts its calls.</summary>
public sealed class PollingNotifyEndpointTests
{
    [Fact]
    public async Task WaitingPausesThePollIntervalBetweenProbesInsteadOfSpinning()
    {
        var calls = 0;
        using var endpoint = new PollingNotifyEndpoint(_ => { Interlocked.Increment(ref calls); return ValueTask.FromResult(false); },
            TimeSpan.FromMilliseconds(20), "ready");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endpoint.ReceiveAsync(cancel.Token).AsTask());
        // At most one probe per 20 ms of the time it really waited (a slow machine makes fewer); a spinning loop, thousands.
        Assert.InRange(calls, 1, (int)(clock.Elapsed.TotalMilliseconds / 20) + 2);
    }

    [Fact]
    public async Task ProbeThatPassesAtOnceGivesReadyWithTheStatusText()
    {
        using var endpoint = new PollingNotifyEndpoint(_ => ValueTask.FromResult(true), TimeSpan.FromMilliseconds(20), "port open");
        var message = await endpoint.ReceiveAsync(CancellationToken.None);
        Assert.NotNull(message);
        Assert.True(message.Ready);
        Assert.Equal("port open", message.Status);
    }

    [Fact]
    public void ZeroPollIntervalIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingNotifyEndpoint(_ => ValueTask.FromResult(true), TimeSpan.Zero, "x"));
    }
}
