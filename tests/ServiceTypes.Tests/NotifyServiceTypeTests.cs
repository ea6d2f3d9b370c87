using System.Diagnostics;
using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class NotifyServiceTypeTests(ITestOutputHelper output) : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();
    private TestNotifyEndpoint? _endpoint;

    public void Dispose()
    {
        _tracker.Dispose();
        _endpoint?.Dispose();
        _root.Dispose();
    }

    /// <summary>Starts a Type=notify unit whose main process is a python script (after the notify prelude).</summary>
    private async Task<(ServiceStartResult Result, ServiceContext Context)> Start(string python,
        TimeSpan? timeout = null, params (string, string)[] extra)
    {
        var script = _root.WriteScript("/bin/svc.py", "#!" + Scripts.Python + "\n" + Scripts.NotifyPrelude
            + python.Replace("\r", "") + "\n");
        _endpoint = new TestNotifyEndpoint(_root.Combine("/notify"));
        var settings = new List<(string, string)> { ("Type", "notify"), ("ExecStart", script) };
        settings.AddRange(extra);
        var context = _tracker.Track(new ServiceContext(new ServiceContextOptions
        {
            Unit = TestUnits.Service([.. settings]), Spawner = TestHelper.Spawner, Notify = _endpoint,
                StartTimeout = timeout ?? TimeSpan.FromSeconds(20),
        }));
        var result = await context.StartAsync(new NotifyServiceType());
        if (result.MainPid > 0) _tracker.TrackPid(result.MainPid);
        return (result, context);
    }

    [Fact]
    public async Task ReadyAfterADelayCompletesTheStartAndSetsStatus()
    {
        var (result, context) = await Start("""
            time.sleep(0.2)
            notify("STATUS=Serving\nREADY=1\nSENT_NS=%d" % time.monotonic_ns())
            time.sleep(300)
            """);
        var done = Stopwatch.GetTimestamp();
        Assert.True(result.Success, result.Message);
        Assert.Equal(context.Spawned[0].Pid, result.MainPid);
        Assert.Equal("Serving", context.StatusText);
        Assert.True(ProcFs.IsAlive(result.MainPid));
        var arrived = _endpoint!.ArrivalTimestamps[^1];
        output.WriteLine(
            $"READY datagram received -> StartAsync completed: "
            + $"{Stopwatch.GetElapsedTime(arrived, done).TotalMilliseconds:F2} ms");
    }

    [Fact]
    public async Task NotifySocketIsInTheServiceEnvironment()
    {
        var (result, _) = await Start("""
            notify("READY=1\nSTATUS=" + os.environ["NOTIFY_SOCKET"])
            time.sleep(300)
            """);
        Assert.True(result.Success, result.Message);
    }

    [Fact]
    public async Task MainPidMessageMovesTheMainProcess()
    {
        var (result, context) = await Start("""
            pid = os.fork()
            if pid == 0:
                time.sleep(300)
                os._exit(0)
            notify("MAINPID=%d\nREADY=1" % pid)
            time.sleep(0.5)
            """);
        Assert.True(result.Success, result.Message);
        Assert.NotEqual(context.Spawned[0].Pid, result.MainPid);
        Assert.Equal(context.Spawned[0].Pid, ProcFs.ParentPid(result.MainPid));
    }

    [Theory]
    [InlineData("sys.exit(0)", "protocol")]
    [InlineData("sys.exit(3)", "exit-code")]
    [InlineData("os.kill(os.getpid(), 9)", "signal")]
    public async Task MainProcessEndingBeforeReadyFailsTheStart(string ending, string expected)
    {
        var (result, _) = await Start("notify(\"STATUS=starting\")\n" + ending);
        Assert.Equal((false, expected), (result.Success, result.Result));
        Assert.NotNull(result.MainExit);
    }

    [Fact]
    public async Task NoReadyWithinTheTimeoutGivesTimeout()
    {
        var watch = Stopwatch.StartNew();
        var (result, context) = await Start("time.sleep(300)", TimeSpan.FromMilliseconds(400));
        Assert.Equal((false, "timeout"), (result.Success, result.Result));
        Assert.Equal(context.Spawned[0].Pid, result.MainPid);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350));
    }

    [Fact]
    public async Task ExtendTimeoutMessagePushesTheDeadlineBack()
    {
        var (result, _) = await Start("""
            time.sleep(0.1)
            notify("EXTEND_TIMEOUT_USEC=3000000")
            time.sleep(0.8)
            notify("READY=1")
            time.sleep(300)
            """, TimeSpan.FromMilliseconds(400));
        Assert.True(result.Success, result.Message);
    }

    private const string ReadyFromChild = """
        import subprocess
        subprocess.Popen([sys.executable, "-c",
            "import socket,os; s=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); "
            "s.connect(os.environ['NOTIFY_SOCKET']); s.send(b'READY=1')"]).wait()
        time.sleep(300)
        """;

    [Fact]
    public async Task ReadyFromAnotherProcessIsIgnoredWithNotifyAccessMain()
    {
        var (result, _) = await Start(ReadyFromChild, TimeSpan.FromMilliseconds(1500));
        Assert.Equal((false, "timeout"), (result.Success, result.Result));
    }

    [Fact]
    public async Task ReadyFromAnotherProcessCountsWithNotifyAccessAll()
    {
        var (result, context) = await Start(ReadyFromChild, null, ("NotifyAccess", "all"));
        Assert.True(result.Success, result.Message);
        Assert.Equal(context.Spawned[0].Pid, result.MainPid);
    }
}
