using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Init;
using Platform.Host.Lifecycle;

namespace Platform.Host.Timers;

/// <summary>
/// A timer's runtime facts as every process reads them: its last trigger (record, else the Persistent= stamp), the
/// bases of its monotonic settings, and the resulting <see cref="TimerSchedule"/>.
/// </summary>
internal static class TimerRuntime
{
    /// <summary>When the timer last fired (µs), kept in its record's extra fields.</summary>
    public const string LastTriggerKey = "Timer.LastTrigger";

    public static long LastTrigger(UnitStatus status)
        => status.Extra.TryGetValue(LastTriggerKey, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>
    /// ROOT/var/lib/systemd/timers/stamp-NAME (user mode: ~/.local/share/systemd/timers), whose mtime is the last
    /// trigger.
    /// </summary>
    public static string StampPath(HostContext ctx, string timer)
        => ctx.Options.UserMode
            ? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/systemd/timers",
                "stamp-" + timer)
            : ctx.Under("/var/lib/systemd/timers/stamp-" + timer);

    /// <summary>
    /// The stamp's time when it exists and lies in the past (a future one means a wrong clock: ignored, as systemd
    /// does).
    /// </summary>
    public static long? ReadStamp(HostContext ctx, string timer)
    {
        var path = StampPath(ctx, timer);
        if (!File.Exists(path)) return null;
        var usec = (File.GetLastWriteTimeUtc(path) - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        return usec < Clock.NowUsec() ? usec : null;
    }

    public static void WriteStamp(HostContext ctx, string timer, long usec)
    {
        var path = StampPath(ctx, timer);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path)) File.WriteAllBytes(path, []);
            File.SetLastWriteTimeUtc(path, DateTime.UnixEpoch.AddTicks(usec * TimeSpan.TicksPerMicrosecond));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Warn($"{timer}: Failed to update timestamp file {path}: {ErrorText.Describe(e)}");
        }
    }

    /// <summary>The schedule of <paramref name="timer"/> as it stands in the store now.</summary>
    public static TimerSchedule Schedule(HostContext ctx, UnitDefinition timer, UnitStatus status, long now)
    {
        var settings = TimerSettings.From(timer);
        var unit = UnitRuntime.Read(ctx, settings.Unit);
        return TimerSchedule.Compute(settings, status, unit, LastTrigger(status), StartupUsec(ctx),
            Platform.Exec.ProcFs.BootTimeUsec(), now, MachineKey(ctx, timer.Name));
    }

    /// <summary>When the running init started, or null when no init runs for this root.</summary>
    public static long? StartupUsec(HostContext ctx)
    {
        var state = new InitState(ctx);
        if (state.RunningPid() is null) return null;
        return state.StartedUsec();
    }

    private static string MachineKey(HostContext ctx, string unit)
    {
        string id;
        try { id = File.ReadAllText(ctx.Under("/etc/machine-id")).Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { id = ""; }
        return id + "/" + unit;
    }
}
