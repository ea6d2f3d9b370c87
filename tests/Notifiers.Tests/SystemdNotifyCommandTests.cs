using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

/// <summary>The systemd-notify command (compiled in from src/Host/Notify) talking to real endpoints.</summary>
public sealed class SystemdNotifyCommandTests
{
    [Fact]
    public async Task ReadyStatusPidAndAssignmentsBecomeOneDatagramInSystemdsOrder()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);

        var result = InProcessNotify.Run(endpoint.Address, "A=B", "--ready", "--status=hi there", "--pid");
        var message = await TestEndpoints.ReceiveAsync(endpoint);

        Assert.Equal((0, "", ""), result);
        var parent = TestEndpoints.ParentPid();
        Assert.Equal(["READY=1", "STATUS=hi there", $"MAINPID={parent}", "A=B"],
            message.Fields.Select(f => $"{f.Key}={f.Value}"));
        // Root may speak for the caller, as systemd-notify does; anyone else is seen as itself.
        Assert.Equal(Environment.IsPrivilegedProcess ? parent : Environment.ProcessId, message.SenderPid);
    }

    [Fact]
    public async Task ReloadingCarriesTheMonotonicClockAndStoppingIsSentAsIs()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);
        var before = Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000);

        Assert.Equal(0, InProcessNotify.Run(endpoint.Address, "--reloading").Exit);
        Assert.Equal(0, InProcessNotify.Run(endpoint.Address, "--stopping").Exit);
        var reloading = await TestEndpoints.ReceiveAsync(endpoint);
        var stopping = await TestEndpoints.ReceiveAsync(endpoint);

        var after = Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000);
        Assert.True(reloading.Reloading);
        Assert.InRange(long.Parse(reloading["MONOTONIC_USEC"]!), before, after);
        Assert.True(stopping.Stopping);
        Assert.Single(stopping.Fields);
    }

    [Fact]
    public async Task PidSelfAndAnExplicitNumberAreSentAsMainPid()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(root);

        InProcessNotify.Run(endpoint.Address, "--pid=self");
        InProcessNotify.Run(endpoint.Address, "--pid=1234", "--status", "separate argument");

        Assert.Equal(Environment.ProcessId, (await TestEndpoints.ReceiveAsync(endpoint)).MainPid);
        var second = await TestEndpoints.ReceiveAsync(endpoint);
        Assert.Equal(1234, second.MainPid);
        Assert.Equal("separate argument", second.Status);
    }

    [Fact]
    public async Task AnAbstractNotifySocketIsReached()
    {
        using var root = new TempRoot();
        using var endpoint = TestEndpoints.Create(Path.Join(root.Path, new string('z', 110)));

        Assert.Equal(0, InProcessNotify.Run(endpoint.Address, "--ready").Exit);

        Assert.True((await TestEndpoints.ReceiveAsync(endpoint)).Ready);
    }

    [Fact]
    public void AnUnsetNotifySocketFailsWithSystemdsMessage()
    {
        Assert.Equal((1, "", "No status data could be sent: $NOTIFY_SOCKET was not set\n"),
            InProcessNotify.Run(null, "--ready"));
    }

    [Fact]
    public void AMissingSocketFileIsReportedWithItsErrno()
    {
        using var root = new TempRoot();
        var (exit, _, err) = InProcessNotify.Run(root.Combine("/run/systemd/notify.none.service"), "--ready");

        Assert.Equal(1, exit);
        Assert.Equal("Failed to notify init system: No such file or directory\n", err);
    }

    [Fact]
    public void ARelativeNotifySocketIsRejectedAsInvalid()
    {
        Assert.Equal((1, "", "Failed to notify init system: Invalid argument\n"),
            InProcessNotify.Run("relative/socket", "--ready"));
    }
}
