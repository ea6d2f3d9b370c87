using System.Globalization;
namespace Platform.Abstractions;

/// <summary>
/// Whether a main process's exit counts as success (systemd.service(5) SuccessExitStatus=) and restart decisions need
/// it.
/// </summary>
public static class ExitJudgement
{
    private const int SIGHUP = 1, SIGINT = 2, SIGPIPE = 13, SIGTERM = 15;

    /// <summary>Exit 0, the four "clean" signals, or anything listed in SuccessExitStatus=.</summary>
    public static bool IsSuccess(UnitDefinition unit, ProcessExit exit)
    {
        if (exit.IsCleanExit) return true;
        if (exit.Code == ProcessExit.Killed && exit.Status is SIGHUP or SIGINT or SIGPIPE or SIGTERM) return true;
        return Listed(unit, "SuccessExitStatus", exit);
    }

    /// <summary>
    /// A oneshot's main process (systemd's EXIT_CLEAN_COMMAND): exit 0, SIGPIPE, or anything listed in
    /// SuccessExitStatus=; HUP, INT and TERM are failures for a command that was meant to run to its end.
    /// </summary>
    public static bool IsCommandSuccess(UnitDefinition unit, ProcessExit exit)
    {
        if (exit.IsCleanExit) return true;
        if (exit.Code == ProcessExit.Killed && exit.Status == SIGPIPE) return true;
        return Listed(unit, "SuccessExitStatus", exit);
    }

    /// <summary>
    /// Whether the exit is named by a setting holding exit codes and signal names (SuccessExitStatus=,
    /// RestartPreventExitStatus=, ...).
    /// </summary>
    public static bool Listed(UnitDefinition unit, string setting, ProcessExit exit)
    {
        foreach (var word in unit.GetWords("Service", setting))
        {
            // Numbers and, as in systemd since 246, exit status names (TEMPFAIL, NOTINSTALLED).
            if (exit.Code == ProcessExit.Exited && (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture,
                out var code)
                    || ExitStatusNames.TryParse(word, out code)) && code == exit.Status)
                return true;
            if (exit.Code != ProcessExit.Exited && SignalNames.TryParse(word, out var signal) && signal == exit.Status)
                return true;
        }
        return false;
    }
}
