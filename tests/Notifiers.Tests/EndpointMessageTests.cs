using System.Text;
using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

public sealed class EndpointMessageTests
{
    [Fact]
    public async Task ReadyArrivesWithTheSendersRealPidUidAndGid()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        NotifyClient.Send(endpoint.Address!, "READY=1");

        var message = await TestEndpoints.ReceiveAsync(endpoint);

        var (uid, gid) = TestEndpoints.Identity();
        Assert.True(message.Ready);
        Assert.Equal(Environment.ProcessId, message.SenderPid);
        Assert.Equal(uid, message.SenderUid);
        Assert.Equal(gid, message.SenderGid);
    }

    [Fact]
    public async Task EveryWellKnownAssignmentInOneMultiLineDatagramIsParsedInOrder()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        NotifyClient.Send(endpoint.Address!,
            "READY=1\nSTATUS=Serving 3 clients\nMAINPID=4242\nERRNO=17\nEXTEND_TIMEOUT_USEC=5000000\nWATCHDOG=1\n");

        var message = await TestEndpoints.ReceiveAsync(endpoint);

        Assert.Equal(["READY", "STATUS", "MAINPID", "ERRNO", "EXTEND_TIMEOUT_USEC", "WATCHDOG"],
            message.Fields.Select(f => f.Key));
        Assert.True(message.Ready);
        Assert.Equal("Serving 3 clients", message.Status);
        Assert.Equal(4242, message.MainPid);
        Assert.Equal(17, message.Errno);
        Assert.Equal(5_000_000, message.ExtendTimeoutUsec);
        Assert.True(message.Watchdog);
    }

    [Fact]
    public async Task SeparateDatagramsArriveAsSeparateMessages()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        NotifyClient.Send(endpoint.Address!, "STATUS=starting");
        NotifyClient.Send(endpoint.Address!, "RELOADING=1");
        NotifyClient.Send(endpoint.Address!, "STOPPING=1");

        Assert.Equal("starting", (await TestEndpoints.ReceiveAsync(endpoint)).Status);
        Assert.True((await TestEndpoints.ReceiveAsync(endpoint)).Reloading);
        Assert.True((await TestEndpoints.ReceiveAsync(endpoint)).Stopping);
    }

    [Fact]
    public async Task AChildProcessSenderIsReportedWithTheChildsPid()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);

        var childPid = NotifyClient.SendFromChild(endpoint.Address!, "READY=1\nSTATUS=from python");
        var message = await TestEndpoints.ReceiveAsync(endpoint);

        Assert.NotEqual(Environment.ProcessId, childPid);
        Assert.Equal(childPid, message.SenderPid);
        Assert.Equal("from python", message.Status);
    }

    [Fact]
    public async Task ADatagramLargerThan4096BytesArrivesWhole()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        var status = new string('x', 20_000);
        NotifyClient.Send(endpoint.Address!, "STATUS=" + status + "\nREADY=1");

        var message = await TestEndpoints.ReceiveAsync(endpoint);

        Assert.Equal(status, message.Status);
        Assert.True(message.Ready);
    }

    [Fact]
    public async Task AnEmptyDatagramIsSkipped()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        NotifyClient.Send(endpoint.Address!, Array.Empty<byte>());
        NotifyClient.Send(endpoint.Address!, Encoding.UTF8.GetBytes("STATUS=after empty"));

        Assert.Equal("after empty", (await TestEndpoints.ReceiveAsync(endpoint)).Status);
    }

    [Fact]
    public async Task CredentialsClaimedByRootArriveAsClaimedAndOthersAreRefused()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        var parent = TestEndpoints.ParentPid();
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Throws<IOException>(() =>
                NotifyClient.SendWithCredentials(endpoint.Address!, "READY=1", parent, 0, 0));
            return;
        }

        NotifyClient.SendWithCredentials(endpoint.Address!, "READY=1", parent, 0, 0);
        var message = await TestEndpoints.ReceiveAsync(endpoint);

        Assert.Equal(parent, message.SenderPid);
    }
}
