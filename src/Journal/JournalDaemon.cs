using System.Runtime.InteropServices;
using System.Text;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Journal;

/// <summary>
/// The detached log pump (<c>systemctl __journald --root=ROOT</c>) that runs when no init does, and the in-process
/// variant for PID 1. Either holds <see cref="JournalLock"/>, so one pump serves a root at a time.
/// </summary>
internal static class JournalDaemon
{
    /// <summary>How long the detached pump stays without any stream before it exits.</summary>
    public static readonly TimeSpan DefaultIdleExit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Entry of <c>__journald</c>: arguments <c>--root=DIR</c> (default <c>/</c>), <c>--idle-exit=SECONDS</c> (default
    /// 60) and <c>--trim-after=SECONDS</c> (default 5). Detaches from the caller's session and output, takes the lock
    /// (exits 0 when another pump already serves the root), opens the sinks through <paramref name="openSinks"/> (root,
    /// warn) and serves until idle or SIGTERM. Problems are logged as records of <c>systemd-journald.service</c>, since
    /// nobody reads the pump's stderr.
    /// </summary>
    public static int Run(string[] args, Func<string, Action<string>, IReadOnlyList<ILogSink>> openSinks,
        Func<string, Func<int, string?>>? unitResolver = null)
    {
        var root = "/";
        var idle = DefaultIdleExit;
        var trim = new JournalPumpOptions().TrimAfter;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--root=", StringComparison.Ordinal)) root = a[7..];
            else if (a == "--root" && i + 1 < args.Length) root = args[++i];
            else if (a.StartsWith("--idle-exit=", StringComparison.Ordinal) && Seconds(a[12..]) is { } s) idle = s;
            else if (a.StartsWith("--trim-after=", StringComparison.Ordinal) && Seconds(a[13..]) is { } t) trim = t;
        }
        Detach();
        var socket = JournalPaths.Socket(root);
        using var held = JournalLock.Acquire(root, TimeSpan.FromSeconds(10),
            () => JournalStreamClient.IsListening(socket));
        if (held is null) return JournalStreamClient.IsListening(socket) ? 0 : 1;
        var early = new List<string>();
        var sinks = openSinks(root, message => { lock (early) early.Add(message); });
        try
        {
            using var stop = new CancellationTokenSource();
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM,
                c => { c.Cancel = true; stop.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT,
                c => { c.Cancel = true; stop.Cancel(); });
            var pump = new JournalPump(sinks, new JournalPumpOptions { IdleExit = idle, TrimAfter = trim,
                UnitOfPid = unitResolver?.Invoke(root) });
            lock (early) foreach (var message in early) pump.Submit(OwnRecord(message));
            pump.RunAsync(socket, stop.Token).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            foreach (var sink in sinks) sink.Dispose();
        }
    }

    /// <summary>
    /// Runs the pump inside the calling process (PID 1) until <paramref name="token"/> is cancelled, without idle
    /// exit. Waits for a detached pump that still holds the lock to finish (it exits once its streams are gone and
    /// keeps serving them meanwhile). The sinks stay owned by the caller.
    /// </summary>
    public static async Task RunInProcessAsync(string root, IReadOnlyList<ILogSink> sinks, CancellationToken token,
        Action<JournalPump>? started = null, Func<int, string?>? unitOfPid = null)
    {
        JournalLock? held = null;
        while (held is null)
        {
            held = JournalLock.TryAcquire(root);
            if (held is null) await Task.Delay(200, token).ConfigureAwait(false);
        }
        using (held)
        {
            var pump = new JournalPump(sinks, new JournalPumpOptions { UnitOfPid = unitOfPid });
            started?.Invoke(pump);
            await pump.RunAsync(JournalPaths.Socket(root), token).ConfigureAwait(false);
        }
    }

    private static TimeSpan? Seconds(string text) => double.TryParse(text, System.Globalization.NumberStyles.Float,
        System.Globalization.CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null;

    internal static LogRecord OwnRecord(string message) => new()
    {
        Unit = "systemd-journald.service",
        Identifier = "systemd-journald",
        RealtimeUsec = JournalClock.RealtimeUsec(),
        MonotonicUsec = JournalClock.MonotonicUsec(),
        Priority = 4,
        Pid = Environment.ProcessId,
        Stream = "init",
        Message = Encoding.UTF8.GetBytes(message),
    };

    /// <summary>
    /// New session (no terminal signals from the caller's shell) and stdio on /dev/null (no caller's pipes held open);
    /// with PLATFORM_DEBUG=1 stdio is kept, so crashes of the pump can be seen.
    /// </summary>
    private static void Detach()
    {
        LibC.setsid();
        if (Environment.GetEnvironmentVariable("PLATFORM_DEBUG") == "1") return;
        var devNull = LibC.open("/dev/null", LibC.O_RDWR, 0);
        if (devNull < 0) return;
        for (var fd = 0; fd <= 2; fd++) LibC.dup2(devNull, fd);
        if (devNull > 2) LibC.close(devNull);
    }
}
