using Platform.Abstractions;

namespace Platform.Host.Init;

/// <summary>Restart= of systemd.service(5): whether a service whose main process ended is started again.</summary>
internal static class RestartPolicy
{
    private const int SIGHUP = 1, SIGINT = 2, SIGPIPE = 13, SIGTERM = 15;

    /// <summary>
    /// Decides from the unit's settings, the real exit and the unit's result (<c>watchdog</c>, <c>timeout</c>, ...).
    /// RestartPreventExitStatus= wins over everything, RestartForceExitStatus= over Restart=.
    /// </summary>
    public static bool ShouldRestart(UnitDefinition unit, ProcessExit exit, string result)
    {
        if (ExitJudgement.Listed(unit, "RestartPreventExitStatus", exit)) return false;
        if (ExitJudgement.Listed(unit, "RestartForceExitStatus", exit)) return true;
        var clean = ExitJudgement.IsSuccess(unit, exit) && result == "success";
        var uncleanSignal = exit.Code != ProcessExit.Exited && exit.Status is not (SIGHUP or SIGINT or SIGPIPE
            or SIGTERM);
        return (unit.Get("Service", "Restart") ?? "no") switch
        {
            "always" => true,
            "on-success" => clean,
            "on-failure" => !clean,
            "on-abnormal" => uncleanSignal || result is "timeout" or "watchdog",
            "on-abort" => uncleanSignal,
            "on-watchdog" => result == "watchdog",
            _ => false,
        };
    }

    /// <summary>RestartSec= (default 100 ms).</summary>
    public static TimeSpan Delay(UnitDefinition unit) =>
        unit.GetTimeSpan("Service", "RestartSec") ?? TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// StartLimitIntervalSec= (default 10 s) and StartLimitBurst= (default 5), read from [Unit] (or [Service], as older
    /// units write them).
    /// </summary>
    public static (TimeSpan Interval, int Burst) StartLimit(UnitDefinition unit)
    {
        var interval = unit.GetTimeSpan("Unit", "StartLimitIntervalSec")
            ?? unit.GetTimeSpan("Service", "StartLimitIntervalSec")
            ?? unit.GetTimeSpan("Service", "StartLimitInterval") ?? TimeSpan.FromSeconds(10);
        var burstText = unit.Get("Unit", "StartLimitBurst") ?? unit.Get("Service", "StartLimitBurst");
        var burst = int.TryParse(burstText, out var b) ? b : 5;
        return (interval, burst);
    }
}
