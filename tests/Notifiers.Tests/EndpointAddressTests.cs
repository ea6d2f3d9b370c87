using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

public sealed class EndpointAddressTests
{
    [Fact]
    public void TheSocketIsBoundAtRunDirectoryNotifyUnitWithMode0600()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root, "web.service");

        var expected = root.Combine("/run/systemd/notify.web.service");
        Assert.Equal(expected, endpoint.Address);
        Assert.Equal("0:0 600 socket", TestEndpoints.Stat(expected));
    }

    [Fact]
    public void TheSocketFileIsHandedToTheServicesUserAndGroup()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root, "nobody.service", uid: 65534, gid: 65533);

        Assert.Equal("65534:65533 600 socket", TestEndpoints.Stat(endpoint.Address!));
    }

    [Fact]
    public void AUnitNameThatWouldEscapeTheRunDirectoryIsRefused()
    {
        using var root = new TempRoot();

        Assert.Throws<ArgumentException>(() => TestEndpoints.Create(root, "../escape.service"));
        Assert.False(File.Exists(root.Combine("/run/escape.service")));
    }

    [Fact]
    public void DisposeRemovesTheSocketFile()
    {
        using var root = new TempRoot();
        var endpoint = TestEndpoints.Create(root);
        Assert.True(File.Exists(endpoint.Address));

        endpoint.Dispose();

        Assert.False(File.Exists(endpoint.Address));
    }

    [Fact]
    public async Task AStaleSocketFileFromAnEarlierRunIsReplaced()
    {
        using var root = new TempRoot();
        var path = root.Combine("/run/systemd/notify.web.service");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A process that binds and exits without unlinking leaves its socket file behind (.NET's Socket would unlink).
        var bound = CommandRunner.Run("python3",
            ["-c", "import socket,sys\ns=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\ns.bind(sys.argv[1])", path]);
        Assert.Equal(0, bound.ExitCode);
        Assert.EndsWith(" socket", TestEndpoints.Stat(path));

        using var endpoint = TestEndpoints.Create(root);
        NotifyClient.Send(endpoint.Address!, "READY=1");

        Assert.True((await TestEndpoints.ReceiveAsync(endpoint)).Ready);
    }

    [Fact]
    public async Task DisposingAnOlderEndpointLeavesTheNewerEndpointsSocketInPlace()
    {
        using var root = new TempRoot();
        var older = TestEndpoints.Create(root);
        using var newer = TestEndpoints.Create(root);

        older.Dispose();
        NotifyClient.Send(newer.Address!, "STATUS=still reachable");

        Assert.Equal("still reachable", (await TestEndpoints.ReceiveAsync(newer)).Status);
    }

    [Fact]
    public async Task ATooLongRootPathFallsBackToAnAbstractAddressThatStillWorks()
    {
        using var root = new TempRoot();
        var runDirectory = Path.Join(root.Path, new string('d', 100), "run", "systemd");
        using var endpoint = TestEndpoints.Create(runDirectory);

        Assert.StartsWith("@platform/notify/", endpoint.Address);
        Assert.False(Directory.Exists(runDirectory));
        NotifyClient.Send(endpoint.Address!, "READY=1");
        var message = await TestEndpoints.ReceiveAsync(endpoint);
        Assert.True(message.Ready);
        Assert.Equal(Environment.ProcessId, message.SenderPid);
    }

    [Fact]
    public void AnAbstractAddressHeldByALiveEndpointGetsAPidQualifiedName()
    {
        using var root = new TempRoot();
        var runDirectory = Path.Join(root.Path, new string('e', 100));
        using var first = TestEndpoints.Create(runDirectory);
        using var second = TestEndpoints.Create(runDirectory);

        Assert.Equal(first.Address + "-" + Environment.ProcessId, second.Address);
    }

    [Theory]
    [InlineData(107, false)]
    [InlineData(108, true)]
    public void APathThatFitsSunPathIsAFileSocketAndOneByteMoreIsAbstract(int pathLength, bool expectAbstract)
    {
        using var root = new TempRoot();
        const string Leaf = "/notify.a.service";
        var runDirectory = root.Path + "/" + new string('r', pathLength - root.Path.Length - 1 - Leaf.Length);
        using var endpoint = TestEndpoints.Create(runDirectory, "a.service");

        Assert.Equal(pathLength, (runDirectory + Leaf).Length);
        Assert.Equal(expectAbstract, endpoint.Address!.StartsWith('@'));
        Assert.Equal(!expectAbstract, File.Exists(runDirectory + Leaf));
    }
}
