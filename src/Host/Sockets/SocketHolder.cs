using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// The process that holds a socket unit's listeners while no manager daemon does (<c>systemctl __socket-holder</c>,
/// spawned by <c>start x.socket</c> with the control socket on fd 3 and the listeners from fd 4). One thread, one
/// poll(2): traffic on a listener starts the service with a fresh <c>systemctl start</c>; the starting systemctl
/// fetches the descriptors over the control socket (SCM_RIGHTS). While the service runs the listeners are not watched;
/// when its main process ends (a crash, a stop) they are watched again, so the next connection starts it anew.
/// Accept=yes accepts each connection itself and starts one NAME@N-LOCAL-REMOTE.service instance for it.
/// </summary>
internal sealed class SocketHolder
{
    private const int ControlFd = 3, FirstListener = 4;
    private readonly HostContext _ctx;
    private readonly UnitDefinition _unit;
    private readonly SocketSettings _settings;
    private readonly List<int> _listeners = [];
    private readonly Queue<long> _triggers = new();
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pendingSources = new(StringComparer.Ordinal);
    private readonly List<(ChildProcess Child, string Instance)> _starts = [];
    private readonly List<(PidHandle Main, string Source)> _connections = [];
    private ChildProcess? _trigger;
    private PidHandle? _service;
    private bool _serviceWithoutProcess;
    // A start the init runs for us: since when (µs), and until when to wait for it to settle.
    private (long Since, long Until)? _awaited;
    private readonly ExitSettler _exits;
    private int _accepted, _refused;

    private SocketHolder(HostContext ctx, UnitDefinition unit)
    {
        _ctx = ctx;
        _unit = unit;
        _settings = SocketSettings.From(unit);
        _exits = new ExitSettler(ctx);
        for (var i = 0; i < _settings.Listen.Count; i++) _listeners.Add(FirstListener + i);
    }

    /// <summary><c>__socket-holder [--root=R] [--user] holder UNIT</c>.</summary>
    public static int Run(string[] args)
    {
        // SIGTERM (stop x.socket) ends the holder at once, by the kernel: the runtime's orderly shutdown would have to
        // wait for the thread blocked in poll(2), and there is nothing to clean up that closing the descriptors does
        // not.
        LibC.signal(15, IntPtr.Zero);
        var options = ArgParser.Parse(args);
        var ctx = new HostContext(options, TextWriter.Null, Console.Error);
        if (options.Arguments.Count != 1) return ExitCodes.Failure;
        var unit = ctx.Units.Load(options.Arguments[0]);
        if (unit.LoadState != UnitLoadState.Loaded) return ExitCodes.Failure;
        var holder = new SocketHolder(ctx, unit);
        holder._exits.BecomeReaperUnlessInitAbove();
        holder.Loop();
        return ExitCodes.Success;
    }

    private void Loop()
    {
        while (true)
        {
            // Accept=yes always accepts: a connection over MaxConnections= is refused (accepted and closed), as systemd
            // does.
            var watchListeners = _settings.Accept
                || (_trigger is null && _service is null && !_serviceWithoutProcess && _awaited is null);
            var polled = new List<(int Fd, Action Ready)> { (ControlFd, Answer) };
            if (watchListeners)
                foreach (var fd in _listeners) polled.Add((fd, () => Traffic(fd)));
            if (_trigger is { } trigger) polled.Add((trigger.Handle.Fd, TriggerEnded));
            if (_service is { } service) polled.Add((service.Fd, ServiceEnded));
            foreach (var start in _starts.ToList()) polled.Add((start.Child.Handle.Fd, () => ConnectionStarted(start)));
            foreach (var connection in _connections.ToList())
                polled.Add((connection.Main.Fd, () => ConnectionEnded(connection)));
            var fds = polled.Select(p => new PollFd { Fd = p.Fd, Events = LibC.POLLIN }).ToArray();
            // A service without a main process (RemainAfterExit=) is looked at once a second to see it stopped; a start
            // the init runs every 10 ms, to watch its main process from the moment it is on record.
            var rc = LibC.poll(fds, (nuint)fds.Length, _awaited is not null ? 10 : _serviceWithoutProcess ? 1000 : -1);
            if (rc < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
            if (rc < 0) return;
            if (_awaited is not null) CheckAwaited();
            else if (rc == 0 && _serviceWithoutProcess) SettleService();
            for (var i = 0; i < fds.Length; i++)
                if (fds[i].Revents != 0) polled[i].Ready();
            // After the handlers: a connection whose instance already ended is then not counted as open.
            if (rc > 0) _exits.ReapAndSettle();
        }
    }

    private void Traffic(int fd)
    {
        if (_settings.Accept)
        {
            Accept(fd);
            return;
        }
        if (TriggerLimitHit()) return;
        if (AskInit(_settings.Service))
        {
            var now = Clock.NowUsec();
            _awaited = (now, now + (long)Lifecycle.ServiceLaunch.StartTimeout(_ctx, _ctx.Units.Load(_settings.Service))
                .TotalMicroseconds + 5_000_000);
            return;
        }
        _trigger = StartUnit(_settings.Service);
    }

    /// <summary>
    /// Hands the start to the running init of this root, if there is one that listens; false otherwise.
    /// </summary>
    private bool AskInit(string unit)
    {
        if (new Init.InitState(_ctx).RunningPid() is null) return false;
        var address = UnixAddress.Build(SocketRuntime.ActivationPath(_ctx));
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) return false;
        try { return LibC.connect(fd, address, (uint)address.Length) == 0 && FdPassing.Send(fd, unit, []); }
        finally { _ = LibC.close(fd); }
    }

    /// <summary>
    /// The init's start settled once the service runs (then its main process is watched) or ended after our request.
    /// </summary>
    private void CheckAwaited()
    {
        var (since, until) = _awaited!.Value;
        var status = UnitRuntime.Read(_ctx, _ctx.Units.Load(_settings.Service).Name);
        var running = status.ActiveState is ActiveState.Active or ActiveState.Reloading or ActiveState.Deactivating;
        var ended = status.ActiveState is ActiveState.Inactive or ActiveState.Failed
            && status.StateChangeTimestamp >= since;
        if (!running && !ended && Clock.NowUsec() < until) return;
        _awaited = null;
        SettleService();
    }

    /// <summary>
    /// TriggerLimitIntervalSec=/TriggerLimitBurst=: a service that keeps failing to take the traffic fails the socket.
    /// </summary>
    private bool TriggerLimitHit()
    {
        var now = Environment.TickCount64;
        while (_triggers.Count > 0 && now - _triggers.Peek() > _settings.TriggerLimitInterval.TotalMilliseconds)
            _triggers.Dequeue();
        _triggers.Enqueue(now);
        if (_settings.TriggerLimitBurst <= 0 || _settings.TriggerLimitInterval <= TimeSpan.Zero
            || _triggers.Count <= _settings.TriggerLimitBurst) return false;
        ManagerLog.Write(_ctx, _unit, ManagerLog.Warning, "Trigger limit hit, refusing further activation.");
        using (UnitLock.Acquire(_ctx.ManagerRunDirectory, _unit.Name, TimeSpan.FromSeconds(30)))
            if (_ctx.Store.Read(_unit.Name) is { } record)
                _ctx.Store.Write(record with { ActiveState = ActiveState.Failed, SubState = "failed",
                    Result = "trigger-limit-hit", StateChangeTimestamp = Clock.NowUsec() });
        Environment.Exit(1);
        return true;
    }

    private void TriggerEnded()
    {
        _trigger!.Exited.Wait();
        _trigger = null;
        SettleService();
    }

    private void ServiceEnded()
    {
        _service!.Dispose();
        _service = null;
        SettleService();
    }

    /// <summary>Watches the service's main process while it runs; otherwise the listeners are watched again.</summary>
    private void SettleService()
    {
        _serviceWithoutProcess = false;
        var status = UnitRuntime.Read(_ctx, _ctx.Units.Load(_settings.Service).Name);
        if (status.ActiveState is not (ActiveState.Active or ActiveState.Activating or ActiveState.Reloading
            or ActiveState.Deactivating)) return;
        if (status.MainPid > 0 && PidHandle.Open(status.MainPid,
            status.MainPidStartTime == 0 ? null : status.MainPidStartTime) is { } main)
            _service = main;
        else
            _serviceWithoutProcess = true;
    }

    private void Accept(int listener)
    {
        uint length = 0;
        var fd = LibC.accept4(listener, null, ref length, LibC.SOCK_CLOEXEC);
        if (fd < 0) return;
        var source = ConnectionName.Source(fd);
        var open = _connections.Count + _starts.Count;
        var fromSource = _connections.Count(c => c.Source == source) + _pendingSources.Values.Count(s => s == source);
        var refusal = open >= _settings.MaxConnections ? $"Too many incoming connections ({open}), dropping connection."
            : _settings.MaxConnectionsPerSource > 0 && fromSource >= _settings.MaxConnectionsPerSource
                ? $"Too many incoming connections ({fromSource}) from source {source}, dropping connection." : null;
        if (refusal is not null)
        {
            ManagerLog.Write(_ctx, _unit, ManagerLog.Warning, refusal);
            _refused++;
            LibC.close(fd);
            return;
        }
        var template = _settings.Service;
        var at = template.IndexOf('@');
        var instance = (at < 0 ? Platform.Units.UnitNames.WithoutSuffix(template) + "@" : template[..(at + 1)])
            + ConnectionName.Instance(fd, _accepted++) + ".service";
        _pending[instance] = fd;
        _starts.Add((StartUnit(instance), instance));
        _pendingSources[instance] = source;
    }

    private void ConnectionStarted((ChildProcess Child, string Instance) start)
    {
        start.Child.Exited.Wait();
        _starts.Remove(start);
        // Handed over (or refused): the holder's copy goes, so the connection ends when the instance closes it.
        if (_pending.Remove(start.Instance, out var fd)) _ = LibC.close(fd);
        _pendingSources.Remove(start.Instance, out var source);
        var status = UnitRuntime.Read(_ctx, start.Instance);
        if (status.MainPid > 0 && PidHandle.Open(status.MainPid,
            status.MainPidStartTime == 0 ? null : status.MainPidStartTime) is { } main)
            _connections.Add((main, source ?? ""));
    }

    private void ConnectionEnded((PidHandle Main, string Source) connection)
    {
        connection.Main.Dispose();
        _connections.Remove(connection);
    }

    /// <summary>
    /// Answers one request on the control socket: <c>listen</c> (the listeners), <c>connection UNIT</c> or
    /// <c>counters</c>.
    /// </summary>
    private void Answer()
    {
        uint length = 0;
        var client = LibC.accept4(ControlFd, null, ref length, LibC.SOCK_CLOEXEC);
        if (client < 0) return;
        try
        {
            var ready = new[] { new PollFd { Fd = client, Events = LibC.POLLIN } };
            if (LibC.poll(ready, 1, 2000) <= 0) return;
            var request = FdPassing.Receive(client)?.Text.Trim() ?? "";
            if (request == "listen")
                FdPassing.Send(client, string.Join(':', _listeners.Select(_ => _settings.FileDescriptorName)),
                    _listeners);
            else if (request.StartsWith("connection ", StringComparison.Ordinal)
                && _pending.TryGetValue(request[11..], out var fd))
                FdPassing.Send(client, "connection", [fd]);
            else if (request == "counters")
                FdPassing.Send(client, new SocketCounters(_connections.Count + _starts.Count, _accepted, _refused)
                    .ToString(), []);
            else
                FdPassing.Send(client, "-", []);
        }
        finally { _ = LibC.close(client); }
    }

    /// <summary>A fresh <c>systemctl start UNIT</c> for this root; it asks this holder for the descriptors.</summary>
    private ChildProcess StartUnit(string unit)
    {
        var args = new List<string> { Environment.ProcessPath ?? "systemctl" };
        if (_ctx.Root.Length > 0) args.Add("--root=" + _ctx.Root);
        if (_ctx.Options.UserMode) args.Add("--user");
        args.AddRange(["start", unit]);
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            environment.Add($"{e.Key}={e.Value}");
        return new ProcessSpawner().Spawn(new SpawnRequest { Path = args[0], Arguments = args,
            Environment = environment });
    }
}
