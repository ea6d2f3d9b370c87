using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

public sealed class EndpointLifecycleTests
{
    [Fact]
    public async Task ReceiveThrowsOperationCanceledWhenTheTokenFires()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await endpoint.ReceiveAsync(cts.Token));
    }

    [Fact]
    public async Task AReceiveAfterACancelledOneStillGetsTheNextMessage()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await endpoint.ReceiveAsync(cts.Token));

        var pending = TestEndpoints.ReceiveAsync(endpoint);
        NotifyClient.Send(endpoint.Address!, "READY=1");

        Assert.True((await pending).Ready);
    }

    [Fact]
    public async Task APendingReceiveReturnsNullWhenTheEndpointIsDisposed()
    {
        using var root = new TempRoot();
        var endpoint = TestEndpoints.Create(root);
        var pending = endpoint.ReceiveAsync(CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);

        endpoint.Dispose();

        Assert.Null(await pending.WaitAsync(TestEndpoints.Patience));
    }

    [Fact]
    public async Task AReceiveAfterDisposeReturnsNull()
    {
        using var root = new TempRoot();
        var endpoint = TestEndpoints.Create(root);
        endpoint.Dispose();

        Assert.Null(await endpoint.ReceiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AThousandMessagesInABurstAllArriveInOrder()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        // The kernel queues only a few datagrams per socket; the sender blocks until the receiver drains them.
        var sender = Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++) NotifyClient.Send(endpoint.Address!, $"STATUS={i}");
        });

        for (var i = 0; i < 1000; i++)
            Assert.Equal(i.ToString(), (await TestEndpoints.ReceiveAsync(endpoint)).Status);
        await sender.WaitAsync(TestEndpoints.Patience);
    }

    [Fact]
    public async Task ManyEndpointsWaitAtOnceAndEachGetsOnlyItsOwnMessage()
    {
        using var root = new TempRoot();
        var endpoints = Enumerable.Range(0, 50).Select(i => TestEndpoints.Create(root, $"u{i}.service")).ToList();
        try
        {
            var pending = endpoints.Select(TestEndpoints.ReceiveAsync).ToList();
            for (var i = endpoints.Count - 1; i >= 0; i--) NotifyClient.Send(endpoints[i].Address!, $"STATUS=u{i}");

            var statuses = (await Task.WhenAll(pending)).Select(m => m.Status);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"u{i}"), statuses);
        }
        finally
        {
            foreach (var e in endpoints) e.Dispose();
        }
    }

    [Fact]
    public void EndpointsCreatedAndDisposedInARowEachGetTheirOwnAddress()
    {
        // How fast this is belongs to bench/, not here.
        using var root = new TempRoot();
        var addresses = new HashSet<string>();
        for (var i = 0; i < 41; i++)
        {
            using var endpoint = TestEndpoints.Create(root, $"s{i}.service");
            Assert.True(addresses.Add(endpoint.Address!), $"{endpoint.Address} handed out twice");
        }
    }
}
