using System.IO.Pipes;
using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

[Collection(SerialCollection.Name)]
public sealed class FdPassingTests
{
    [Fact]
    public async Task DatagramsCarryingFdsAreSkippedAndTheFdsClosedNotLeaked()
    {
        using var root = new TempRoot();
        var file = root.Write("/payload", "x");
        using var handle = File.OpenHandle(file);
        var fd = (int)handle.DangerousGetHandle();
        using var endpoint = TestEndpoints.Create(root);
        // Warm up every lazily opened runtime resource before counting.
        NotifyClient.SendWithFds(endpoint.Address!, "FDSTORE=1", fd);
        NotifyClient.Send(endpoint.Address!, "STATUS=warm");
        Assert.Equal("warm", (await TestEndpoints.ReceiveAsync(endpoint)).Status);
        var before = OpenFds();

        // Receive while sending: the kernel queues only a few datagrams (net.unix.max_dgram_qlen) before senders block.
        var pending = TestEndpoints.ReceiveAsync(endpoint);
        for (var i = 0; i < 20; i++) NotifyClient.SendWithFds(endpoint.Address!, "FDSTORE=1\nFDNAME=x", fd, fd, fd);
        NotifyClient.Send(endpoint.Address!, "STATUS=after fds");
        var message = await pending;

        Assert.Equal("after fds", message.Status);
        Assert.Equal(before, OpenFds());
    }

    [Fact]
    public async Task ABarrierFromSdNotifyIsReleasedBecauseItsFdIsClosed()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        var pending = TestEndpoints.ReceiveAsync(endpoint);

        var released = NotifyClient.BarrierFromChild(endpoint.Address!, TimeSpan.FromSeconds(5));
        NotifyClient.Send(endpoint.Address!, "STATUS=after barrier");

        Assert.True(released);
        Assert.Equal("after barrier", (await pending).Status);
    }

    [Fact]
    public async Task DisposeClosesTheFdsOfDatagramsStillQueued()
    {
        using var root = new TempRoot();
        var endpoint = TestEndpoints.Create(root);
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        NotifyClient.SendWithFds(endpoint.Address!, "BARRIER=1", (int)pipe.ClientSafePipeHandle.DangerousGetHandle());
        pipe.DisposeLocalCopyOfClientHandle();

        endpoint.Dispose();

        // End of file means every copy of the write end is closed: the barrier's sender would be released.
        using var cts = new CancellationTokenSource(TestEndpoints.Patience);
        Assert.Equal(0, await pipe.ReadAsync(new byte[1], cts.Token));
    }

    private static int OpenFds() => Directory.GetFileSystemEntries("/proc/self/fd").Length;
}
