using System.Net;
using Platform.Abstractions;

namespace TcpReadyNotifier.Tests;

/// <summary>The transport against real TCP listeners on the loopback interface.</summary>
public sealed class TcpPortNotifyTransportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static INotifyEndpoint Endpoint(string? port)
    {
        var settings = new List<(string, string, string)> { ("Service", "Type", "notify"), ("Service", "X-NotifyTransport", "tcp-port") };
        if (port is not null) settings.Add(("Service", "X-ReadyPort", port));
        var unit = TestUnits.Service("web.service", [.. settings]);
        return new TcpPortNotifyTransport().CreateEndpoint(new NotifyEndpointContext(unit, Path.GetTempPath(), null, null));
    }

    [Fact]
    public async Task ReadyIsReportedOnlyAfterTheListenerStarts()
    {
        var port = LoopbackListener.FreePort();
        using var endpoint = Endpoint(port.ToString());
        Assert.Null(endpoint.Address);
        var receive = endpoint.ReceiveAsync(CancellationToken.None).AsTask();
        await Task.Delay(300);
        Assert.False(receive.IsCompleted, "READY before anything listened");
        using var listener = LoopbackListener.Start(IPAddress.Loopback, port);
        var message = await receive.WaitAsync(Patience);
        Assert.NotNull(message);
        Assert.True(message.Ready);
        Assert.Equal($"127.0.0.1:{port} accepts connections", message.Status);
        Assert.Equal(-1, message.SenderPid);
    }

    [Fact]
    public async Task ReadyIsReportedOnceAndTheNextReceiveWaitsUntilDisposed()
    {
        var port = LoopbackListener.FreePort();
        using var listener = LoopbackListener.Start(IPAddress.Loopback, port);
        var endpoint = Endpoint(port.ToString());
        Assert.True((await endpoint.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience))?.Ready);
        var second = endpoint.ReceiveAsync(CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(second.IsCompleted, "a second READY=1 for the same start");
        endpoint.Dispose();
        Assert.Null(await second.WaitAsync(Patience));
    }

    [Fact]
    public async Task ListenerOnAnotherLoopbackAddressDoesNotCount()
    {
        var port = LoopbackListener.FreePort();
        using var elsewhere = LoopbackListener.Start(IPAddress.Parse("127.0.0.2"), port);
        using var endpoint = Endpoint(port.ToString());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endpoint.ReceiveAsync(cancel.Token).AsTask());
    }

    [Fact]
    public async Task CancellingAReceiveThrowsOperationCanceledPromptly()
    {
        using var endpoint = Endpoint(LoopbackListener.FreePort().ToString());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        // A receive that ignored the token would run into the patience instead (TimeoutException).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endpoint.ReceiveAsync(cancel.Token).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task DisposingTheEndpointEndsAPendingReceiveWithNull()
    {
        var endpoint = Endpoint(LoopbackListener.FreePort().ToString());
        var receive = endpoint.ReceiveAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        endpoint.Dispose();
        Assert.Null(await receive.WaitAsync(Patience));
        Assert.Null(await endpoint.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience));
    }

    [Theory]
    [InlineData(null, "needs X-ReadyPort=")]
    [InlineData("0", "X-ReadyPort=0 is not a port")]
    [InlineData("65536", "X-ReadyPort=65536 is not a port")]
    [InlineData("http", "X-ReadyPort=http is not a port")]
    [InlineData("-1", "X-ReadyPort=-1 is not a port")]
    public void UnitWithoutAUsableReadyPortIsRefusedWithAOneLineReason(string? port, string expected)
    {
        var e = Assert.Throws<ServiceStartException>(() => Endpoint(port));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("web.service: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
