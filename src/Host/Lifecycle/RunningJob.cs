using System.Globalization;
using System.Text;
using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The job a unit is running according to its status record. There is no job queue without a daemon: a unit that is
/// <c>activating</c> (a start), <c>deactivating</c> (a stop) or <c>reloading</c> has a systemctl (or the init) working
/// on it right now, which is what systemd lists as a running job. Waiting for RestartSec= (<c>auto-restart</c>) is no
/// job in systemd either.
/// <para>
/// The job id is derived from the record so every caller sees the same number while the job lasts: a five-digit
/// FNV-1a hash of the unit name and the microsecond it entered that state. The next job of the unit gets another id.
/// </para>
/// </summary>
internal sealed record RunningJob(int Id, string Unit, string Type)
{
    public static RunningJob? Of(UnitStatus status)
    {
        var type = status.ActiveState switch
        {
            ActiveState.Activating when status.SubState != "auto-restart" => "start",
            ActiveState.Deactivating => "stop",
            ActiveState.Reloading => "reload",
            _ => null,
        };
        return type is null ? null : new RunningJob(IdOf(status), status.Unit, type);
    }

    private static int IdOf(UnitStatus status)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(status.Unit + "\n"
            + status.StateChangeTimestamp.ToString(CultureInfo.InvariantCulture)))
            hash = (hash ^ b) * 16777619u;
        // Always five digits, so the JOB column lines up the same way whatever the ids are.
        return 10000 + (int)(hash % 90000);
    }
}
