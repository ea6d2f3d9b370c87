using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;

namespace Platform.Host.Paths;

/// <summary>
/// The status record of a path unit: rewritten under its lock, only while it is still the same activation.
/// </summary>
internal static class PathRuntime
{
    /// <summary>Extra key: the pid of the detached watcher that serves the unit when no init runs.</summary>
    public const string WatcherKey = "PathWatcherPID";

    /// <summary>
    /// Where a path unit's server (init loop or detached watcher) says its watches are set, by writing the invocation
    /// id: <c>start x.path</c> returns only then, as systemd's does, so a change right after it is never missed.
    /// </summary>
    public static string ArmedFile(HostContext ctx, string name) =>
        Path.Join(ctx.RunDirectory, "platform", "paths", name + ".armed");

    public static void MarkArmed(HostContext ctx, string name, string invocationId)
    {
        var file = ArmedFile(ctx, name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file + ".tmp", invocationId);
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>Waits until the server of this activation has armed its watches, it died, or 10 s passed.</summary>
    public static void WaitArmed(HostContext ctx, string name, string invocationId, Func<bool> serverAlive)
    {
        var file = ArmedFile(ctx, name);
        var deadline = Environment.TickCount64 + 10_000;
        var pause = 1;
        while (Environment.TickCount64 < deadline && serverAlive())
        {
            try { if (File.ReadAllText(file) == invocationId) return; }
            catch (IOException) { }
            Thread.Sleep(pause);
            pause = Math.Min(pause * 2, 20);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> when the record is active with <paramref name="invocationId"/>; false when it
    /// is not (stopped, restarted).
    /// </summary>
    public static bool Update(HostContext ctx, string name, string? invocationId, Func<UnitStatus, UnitStatus> change)
    {
        using var held = UnitLock.Acquire(ctx.ManagerRunDirectory, name, TimeSpan.FromSeconds(30));
        if (!IsCurrent(ctx.Store.Read(name), invocationId)) return false;
        ctx.Store.Write(change(ctx.Store.Read(name)!));
        return true;
    }

    public static bool IsCurrent(UnitStatus? status, string? invocationId)
        => status is { ActiveState: ActiveState.Active } && status.InvocationId == invocationId;
}
