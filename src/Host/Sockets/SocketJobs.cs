using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// <c>start</c> and <c>stop</c> of a socket unit (the caller holds its lock). Start: ExecStartPre=, bind the listeners
/// here (so errors reach the caller), hand them with a control socket to a detached holder
/// (<see cref="SocketHolder"/>), ExecStartPost=, <c>active (listening)</c>. Stop: ExecStopPre=, end the holder (the
/// listeners close with it), RemoveOnStop=, ExecStopPost=.
/// </summary>
internal sealed class SocketJobs(HostContext ctx, StatusWriter writer)
{
    public async Task<UnitJobResult> StartAsync(UnitDefinition unit, UnitStatus previous, CancellationToken ct)
    {
        var name = unit.Name;
        var settings = SocketSettings.From(unit);
        foreach (var warning in settings.Invalid) ctx.Warn(warning);
        if (settings.Listen.Count == 0)
        {
            ctx.Warn($"{name}: Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). "
                + $"Refusing.");
            writer.Fail(previous, "resources", null);
            return new UnitJobResult(name, JobResult.Failed, JobMessages.ForResult(name, "resources"));
        }
        if (settings.Symlinks.Count > 0 && settings.Listen.Count(l => l.IsUnixPath || l.Kind == ListenKind.FIFO) != 1)
        {
            ctx.Warn($"{name}: Unit has symlinks set but none or more than one node in the file system. Refusing.");
            writer.Fail(previous, "resources", null);
            return new UnitJobResult(name, JobResult.Failed, JobMessages.ForResult(name, "resources"));
        }
        if (!settings.Accept && ctx.Units.Load(settings.Service).LoadState != UnitLoadState.Loaded)
        {
            writer.Fail(previous, "resources", null);
            return new UnitJobResult(name, JobResult.Failed,
                $"Failed to start {name}: Socket service {settings.Service} not loaded, refusing.");
        }
        var invocation = Guid.NewGuid().ToString("N");
        UnitLock.WriteInvocation(ctx.ManagerRunDirectory, name, invocation);
        var status = writer.Activating(previous, invocation);
        using var launch = ServiceLaunch.Create(ctx, ExecView(unit), invocation, null, null, null);
        if (await ControlCommands.RunAsync(launch.Context, "ExecStartPre", null, ct).ConfigureAwait(false) is not null)
            return Failed(unit, status, "exit-code");
        List<int> fds;
        int control;
        try
        {
            fds = SocketBinder.Open(settings, ctx.Under);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = ErrorText.DescribeWithPath(e);
            ManagerLog.Write(ctx, unit, ManagerLog.Err, reason, invocation);
            if (ctx.Options.Verbosity > 0) ctx.Err.WriteLine($"{name}: {reason}");
            await ControlCommands.RunAsync(launch.Context, "ExecStopPost", null, ct, stopOnFailure: false)
                .ConfigureAwait(false);
            return Failed(unit, status, "resources");
        }
        try
        {
            control = OpenControl(SocketRuntime.ControlPath(ctx, name));
            var holder = SpawnHolder(name, [control, .. fds]);
            // On record before anything else runs: a connection may arrive at once, and the service start it causes
            // looks for this holder.
            status = writer.Write(status with { Extra = new Dictionary<string, string>(status.Extra) {
                [SocketRuntime.HolderKey] = SocketRuntime.HolderValue(holder) } });
            _ = LibC.close(control);
        }
        finally
        {
            foreach (var fd in fds) _ = LibC.close(fd);
        }
        if (await ControlCommands.RunAsync(launch.Context, "ExecStartPost", null, ct).ConfigureAwait(false) is not null)
        {
            await EndHolderAsync(unit, settings, status).ConfigureAwait(false);
            return Failed(unit, status, "exit-code");
        }
        var active = writer.ActiveWithoutProcess(status with { Extra = status.Extra });
        writer.Write(active with { SubState = "listening" });
        ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Listening on {ManagerLog.Combined(unit)}.", invocation);
        return new UnitJobResult(name, JobResult.Done);
    }

    public async Task<UnitJobResult> StopAsync(UnitDefinition unit, UnitStatus status, CancellationToken ct)
    {
        if (status.ActiveState == ActiveState.Inactive && SocketRuntime.LiveHolder(status) is null)
            return new UnitJobResult(unit.Name, JobResult.Done);
        var settings = SocketSettings.From(unit);
        using var launch = ServiceLaunch.Create(ctx, ExecView(unit),
            status.InvocationId ?? Guid.NewGuid().ToString("N"), null, null, null);
        await ControlCommands.RunAsync(launch.Context, "ExecStopPre", null, ct, stopOnFailure: false)
            .ConfigureAwait(false);
        await EndHolderAsync(unit, settings, status).ConfigureAwait(false);
        await ControlCommands.RunAsync(launch.Context, "ExecStopPost", null, ct, stopOnFailure: false)
            .ConfigureAwait(false);
        var extra = new Dictionary<string, string>(status.Extra);
        extra.Remove(SocketRuntime.HolderKey);
        writer.Stopped(status with { Extra = extra });
        if (status.ActiveState != ActiveState.Inactive)
            ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Closed {ManagerLog.Combined(unit)}.", status.InvocationId);
        return new UnitJobResult(unit.Name, JobResult.Done);
    }

    /// <summary>Ends the holder (SIGTERM, SIGKILL after 5 s): the listeners close with its last descriptors.</summary>
    private async Task EndHolderAsync(UnitDefinition unit, SocketSettings settings, UnitStatus status)
    {
        if (SocketRuntime.LiveHolder(status) is { } pid && PidHandle.Open(pid) is { } holder)
        {
            using (holder)
            {
                holder.Signal(15);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try { await holder.WaitAsync(timeout.Token).ConfigureAwait(false); }
                catch (OperationCanceledException)
                {
                    holder.Signal(9);
                    await holder.WaitAsync().ConfigureAwait(false);
                }
            }
        }
        try { File.Delete(SocketRuntime.ControlPath(ctx, unit.Name)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        if (settings.RemoveOnStop) SocketBinder.Remove(settings, ctx.Under);
    }

    private UnitJobResult Failed(UnitDefinition unit, UnitStatus status, string result)
    {
        ManagerLog.Write(ctx, unit, ManagerLog.Err, $"Failed to listen on {ManagerLog.Combined(unit)}.",
            status.InvocationId);
        writer.Fail(status, result, null);
        return new UnitJobResult(unit.Name, JobResult.Failed, JobMessages.ForResult(unit.Name, result));
    }

    /// <summary>
    /// The socket unit with its [Socket] section read as [Service], so its Exec*= and exec settings run as a service's.
    /// </summary>
    private static UnitDefinition ExecView(UnitDefinition unit)
        => new(unit.Name, unit.LoadState, unit.FragmentPath, unit.DropInPaths,
            [.. unit.Settings.Where(s => s.Section == "Socket").Select(s => s with { Section = "Service" })]);

    /// <summary>The holder's control socket: SOCK_SEQPACKET, owner only (it hands out the listeners).</summary>
    private static int OpenControl(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try { File.Delete(path); }
        catch (IOException) { }
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_SEQPACKET | LibC.SOCK_CLOEXEC, 0);
        var address = UnixAddress.Build(path);
        var old = LibC.umask(0x3F);
        try
        {
            if (fd < 0 || LibC.bind(fd, address, (uint)address.Length) < 0 || LibC.listen(fd, 64) < 0)
            {
                var error = LibC.StrError(Marshal.GetLastPInvokeError());
                if (fd >= 0) _ = LibC.close(fd);
                throw new IOException($"Failed to create control socket {path}: {error}");
            }
        }
        finally { _ = LibC.umask(old); }
        return fd;
    }

    private int SpawnHolder(string name, List<int> fds)
    {
        var args = new List<string> { Environment.ProcessPath ?? "systemctl", "__socket-holder" };
        if (ctx.Root.Length > 0) args.Add("--root=" + ctx.Root);
        if (ctx.Options.UserMode) args.Add("--user");
        args.AddRange(["holder", name]);
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            environment.Add($"{e.Key}={e.Value}");
        var child = new ProcessSpawner().Spawn(new SpawnRequest { Path = args[0], Arguments = args,
            Environment = environment, PassFds = fds });
        return child.Pid;
    }
}
