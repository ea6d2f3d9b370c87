using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Exec;

namespace Platform.Host.Lifecycle;

/// <summary>Whether a main process's exit counts as success (systemd.service(5) SuccessExitStatus=) and restart decisions need it.</summary>
internal static class ExitJudgement
{
    private const int SIGHUP = 1, SIGINT = 2, SIGPIPE = 13, SIGTERM = 15;

    /// <summary>Exit 0, the four "clean" signals, or anything listed in SuccessExitStatus=.</summary>
    public static bool IsSuccess(UnitDefinition unit, ProcessExit exit)
    {
        if (exit.IsCleanExit) return true;
        if (exit.Code == ProcessExit.Killed && exit.Status is SIGHUP or SIGINT or SIGPIPE or SIGTERM) return true;
        return Listed(unit, "SuccessExitStatus", exit);
    }

    /// <summary>Whether the exit is named by a setting holding exit codes and signal names (SuccessExitStatus=, RestartPreventExitStatus=, ...).</summary>
    public static bool Listed(UnitDefinition unit, string setting, ProcessExit exit)
    {
        foreach (var word in unit.GetWords("Service", setting))
        {
            if (exit.Code == ProcessExit.Exited && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code == exit.Status)
                return true;
            if (exit.Code != ProcessExit.Exited && SignalNames.TryParse(word, out var signal) && signal == exit.Status) return true;
        }
        return false;
    }
}
