using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;

namespace Platform.Host.Timers;

/// <summary>
/// <c>start x.timer</c> (systemd's timer_start()): the timer becomes active/waiting with a new invocation. With
/// Persistent= a stamp in the past becomes the last trigger, so a run missed while nothing ran fires at once; a
/// missing stamp is created. Firing is the init's business; this only records what it needs.
/// </summary>
internal static class TimerStart
{
    public static UnitStatus Start(HostContext ctx, StatusWriter writer, UnitDefinition timer, UnitStatus previous)
    {
        var settings = TimerSettings.From(timer);
        var extra = new Dictionary<string, string>(previous.Extra);
        if (settings.Persistent)
        {
            if (TimerRuntime.ReadStamp(ctx, timer.Name) is { } stamp)
                extra[TimerRuntime.LastTriggerKey] = stamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
            else if (!File.Exists(TimerRuntime.StampPath(ctx, timer.Name)))
                TimerRuntime.WriteStamp(ctx, timer.Name, Clock.NowUsec());
        }
        var active = writer.ActiveWithoutProcess(previous with { Extra = extra });
        return writer.Write(active with { SubState = "waiting", InvocationId = Guid.NewGuid().ToString("N") });
    }
}
