using Platform.Abstractions;
using Platform.Journal;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests.Support;

/// <summary>A log pump running in the test process on a temporary root, with a collecting sink first in line.</summary>
internal sealed class PumpHarness : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly List<int> _children = [];

    public PumpHarness(TempRoot root, params ILogSink[] sinks) : this(root, collect: true, sinks)
    {
    }

    public PumpHarness(TempRoot root, bool collect, params ILogSink[] sinks)
    {
        Root = root;
        Pump = new JournalPump(collect ? [Collected, .. sinks] : sinks);
        _run = Pump.RunAsync(JournalPaths.Socket(root.Path), _stop.Token);
        Pump.Listening.Wait(TimeSpan.FromSeconds(10));
    }

    public TempRoot Root { get; }
    public JournalPump Pump { get; }
    public CollectingSink Collected { get; } = new();

    /// <summary>
    /// Starts <paramref name="argv"/> with stdout and stderr on two pump streams of <paramref name="unit"/> (priorities
    /// 6 and 3).
    /// </summary>
    public int Spawn(string unit, params string[] argv)
    {
        using var stdout = JournalStreamClient.Connect(Root.Path,
            new JournalStreamHeader(unit, Path.GetFileName(argv[0]), "stdout", 6), startPump: false);
        using var stderr = JournalStreamClient.Connect(Root.Path,
            new JournalStreamHeader(unit, Path.GetFileName(argv[0]), "stderr", 3), startPump: false);
        var pid = ServiceSpawner.Spawn(argv, (int)stdout.DangerousGetHandle(), (int)stderr.DangerousGetHandle());
        _children.Add(pid);
        return pid;
    }

    /// <summary>Waits for a child from <see cref="Spawn"/> to exit (reaping it).</summary>
    public int Wait(int pid)
    {
        _children.Remove(pid);
        return ServiceSpawner.Wait(pid);
    }

    /// <summary>Stops the pump: every stream ends, the sinks get everything and are flushed.</summary>
    public void Stop()
    {
        _stop.Cancel();
        if (!_run.Wait(TimeSpan.FromSeconds(15))) throw new TimeoutException("pump did not stop");
    }

    public void Dispose()
    {
        foreach (var pid in _children)
        {
            ServiceSpawner.Kill(pid);
            ServiceSpawner.Wait(pid);
        }
        if (!_stop.IsCancellationRequested) Stop();
        _stop.Dispose();
    }
}
