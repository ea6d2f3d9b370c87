using System.Globalization;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>
/// What a running init publishes for other systemctl processes: its pid and the system state
/// (<c>initializing</c>, <c>starting</c>, <c>running</c>, <c>degraded</c>, <c>stopping</c>) under the run folder.
/// </summary>
internal sealed class InitState(HostContext ctx)
{
    private string Folder => Path.Join(ctx.RunDirectory, "platform");
    private string PidFile => Path.Join(Folder, "init.pid");
    private string StateFile => Path.Join(Folder, "init.state");
    private string StartedFile => Path.Join(Folder, "init.started");
    private string ReloadedFile => Path.Join(Folder, "init.reloaded");

    /// <summary>Tools (Ansible among them) take the systemd path when this folder exists.</summary>
    public string BootedMarker => ctx.Under("/run/systemd/system");

    public void Publish(string state)
    {
        Directory.CreateDirectory(Folder);
        var temporary = StateFile + ".tmp";
        File.WriteAllText(temporary, state + "\n");
        File.Move(temporary, StateFile, overwrite: true);
    }

    public void Begin()
    {
        Directory.CreateDirectory(Folder);
        TryDelete(ReloadedFile);
        // A user manager (non-root) cannot create it; tools asking about the system manager get their answer from
        // root's init.
        try { Directory.CreateDirectory(BootedMarker); }
        catch (UnauthorizedAccessException) { }
        File.WriteAllText(PidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        // The manager's start: the base of OnStartupSec= (and of OnBootSec= in a container) for every process asking.
        File.WriteAllText(StartedFile, Lifecycle.Clock.NowUsec().ToString(CultureInfo.InvariantCulture) + "\n");
        Publish("initializing");
    }

    public void End()
    {
        TryDelete(StateFile);
        TryDelete(PidFile);
        TryDelete(StartedFile);
        TryDelete(ReloadedFile);
        try
        {
            if (Directory.Exists(BootedMarker) && Directory.GetFileSystemEntries(BootedMarker).Length == 0)
                Directory.Delete(BootedMarker);
        }
        catch (IOException) { }
    }

    /// <summary>The pid of the running init, or null when none runs for this root.</summary>
    public int? RunningPid()
    {
        try
        {
            var text = File.ReadAllText(PidFile).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcFs.IsAlive(pid) ? pid : null;
        }
        catch (IOException) { return null; }
    }

    /// <summary>
    /// Asks the running init to drop its loaded units (SIGHUP) and waits until it counted one more reload than before
    /// the signal (a counter, so concurrent callers never wait for each other's answer). Gives up after 10 s.
    /// </summary>
    public void RequestReload(int pid)
    {
        var before = Reloads();
        // ESRCH ends the wait below (the init is gone); anything else means no reload will come.
        if (LibC.Kill(pid, LibC.SIGHUP) is not (0 or LibC.ESRCH) and var errno)
        {
            ctx.Warn($"Failed to reload daemon: {LibC.StrError(errno)}");
            return;
        }
        var deadline = Environment.TickCount64 + 10_000;
        var pause = 1;
        while (Reloads() <= before && Environment.TickCount64 < deadline && RunningPid() == pid)
        {
            Thread.Sleep(pause);
            pause = Math.Min(pause * 2, 50);
        }
    }

    /// <summary>The init's side: publishes how many reloads it has done.</summary>
    public void PublishReloads(long count)
    {
        var temporary = ReloadedFile + ".tmp";
        File.WriteAllText(temporary, count.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temporary, ReloadedFile, overwrite: true);
    }

    private long Reloads()
    {
        try
        {
            return long.TryParse(File.ReadAllText(ReloadedFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture,
                out var n) ? n : 0;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>When the init started (µs since the epoch), or null when it did not say.</summary>
    public long? StartedUsec()
    {
        try
        {
            return long.TryParse(File.ReadAllText(StartedFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture,
                out var v) ? v : null;
        }
        catch (IOException) { return null; }
    }

    /// <summary>The published state, or <c>offline</c> when no init runs.</summary>
    public string Current()
    {
        if (RunningPid() is null) return "offline";
        string published;
        try { published = File.ReadAllText(StateFile).Trim(); }
        catch (IOException) { return "offline"; }
        // Units fail and recover while the init sleeps (a failed `systemctl start`, a reset-failed): recomputed here.
        if (published is not ("running" or "degraded")) return published;
        return ctx.Store.List().Any(s =>
            Lifecycle.UnitRuntime.Effective(s).ActiveState == Abstractions.ActiveState.Failed) ? "degraded" : "running";
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
    }
}
