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
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endpoint.ReceiveAsync(cancel.Token).AsTask());
        // 500 ms at one probe per 20 ms is at most 26 probes; a slow machine makes fewer, a spinning loop thousands.
        Assert.InRange(calls, 3, 26);
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
