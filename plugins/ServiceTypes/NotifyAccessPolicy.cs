using System.Globalization;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>NotifyAccess=</c> (systemd.service(5)) checked against a message's sender: <c>none</c>, <c>main</c> (default for
/// Type=notify), <c>exec</c> (main or a process this start spawned), <c>all</c> (any process of the unit: its session
/// or a descendant of the main process). Messages without sender credentials cannot be checked and are accepted unless
/// <c>none</c>; so are messages for <c>all</c> whose sender has already exited (systemd-notify style senders are often
/// gone before the datagram is read, and the socket is private to the unit anyway).
/// </summary>
internal sealed class NotifyAccessPolicy(string? setting)
{
    private readonly string _mode = setting?.Trim() is { Length: > 0 } s ? s : "main";

    public string Mode => _mode;

    public bool Allows(int sender, int mainPid, int spawnedPid)
    {
        if (_mode == "none") return false;
        if (sender <= 0 || sender == mainPid) return true;
        return _mode switch
        {
            "exec" => sender == spawnedPid,
            "all" => sender == spawnedPid || Stat(sender) is not { } stat || Field(stat, 3) == spawnedPid
                || Field(stat, 3) == mainPid
                || HasAncestor(sender, mainPid, spawnedPid),
            _ => false,
        };
    }

    private static bool HasAncestor(int pid, int a, int b)
    {
        for (var i = 0; i < 64 && pid > 1; i++)
        {
            pid = Stat(pid) is { } f ? Field(f, 1) : -1;
            if (pid == a || pid == b) return true;
        }
        return false;
    }

    /// <summary>The fields of /proc/PID/stat after the command name (state first).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
            var close = text.LastIndexOf(')');
            return close < 0 || close + 2 >= text.Length ? null : text[(close + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static int Field(string[] fields, int index)
        => fields.Length > index && int.TryParse(fields[index], NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var v) ? v : -1;
}
