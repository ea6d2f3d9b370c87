using System.Globalization;

namespace Platform.Exec;

/// <summary>
/// Process facts read from the real <c>/proc</c> (never under <c>--root</c>: processes are not part of a root tree).
/// </summary>
internal static class ProcFs
{
    /// <summary>
    /// When the kernel booted (µs since the epoch, from <c>btime</c> in /proc/stat), or 0 when unknown.
    /// </summary>
    public static long BootTimeUsec()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/stat"))
                if (line.StartsWith("btime ", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture,
                        out var seconds))
                    return seconds * 1_000_000;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>Parses <c>/proc/PID/stat</c>; null when the process does not exist.</summary>
    public static ProcStat? ReadStat(int pid)
    {
        if (pid <= 0) return null;
        string text;
        try { text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return Parse(pid, text);
    }

    /// <summary>
    /// Parses the text of a stat file; the command name may contain spaces and parentheses, so fields are counted from
    /// the last <c>)</c>.
    /// </summary>
    public static ProcStat? Parse(int pid, string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length) return null;
        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 20) return null;
        return new ProcStat(pid, fields[0][0], Int(fields[1]), Int(fields[2]), Int(fields[3]),
            ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 0);
    }

    /// <summary>Whether the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => ReadStat(pid) is { IsZombie: false };

    /// <summary>
    /// Whether the process exists, is not a zombie and (when given) still has the recorded start time.
    /// </summary>
    public static bool IsAlive(int pid, ulong? startTime)
        => ReadStat(pid) is { IsZombie: false } s && (startTime is null || startTime == 0 || s.StartTime == startTime);

    /// <summary>The start time (field 22), or null when the process does not exist.</summary>
    public static ulong? StartTime(int pid) => ReadStat(pid)?.StartTime;

    /// <summary>The session id, or null.</summary>
    public static int? SessionId(int pid) => ReadStat(pid)?.Session;

    /// <summary>The process group id, or null.</summary>
    public static int? ProcessGroup(int pid) => ReadStat(pid)?.ProcessGroup;

    /// <summary>The parent process id, or null.</summary>
    public static int? ParentPid(int pid) => ReadStat(pid)?.ParentPid;

    /// <summary>Every process currently listed in <c>/proc</c> (zombies included).</summary>
    public static List<ProcStat> All()
    {
        var list = new List<ProcStat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = dir.AsSpan(6);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0])) continue;
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { } stat)
                list.Add(stat);
        }
        return list;
    }

    /// <summary>
    /// The live processes whose environment holds exactly <paramref name="entry"/> (<c>NAME=VALUE</c>): a process scan
    /// for a unit's processes by their <c>INVOCATION_ID</c> when the record that lists them is lost.
    /// </summary>
    public static List<int> WithEnvironmentEntry(string entry) => WithEnvironmentEntry(entry, All());

    /// <summary>
    /// The same among the processes of <paramref name="snapshot"/> (one /proc listing serves both questions).
    /// </summary>
    public static List<int> WithEnvironmentEntry(string entry, List<ProcStat> snapshot)
    {
        var pids = new List<int>();
        var wanted = System.Text.Encoding.UTF8.GetBytes(entry);
        foreach (var s in snapshot)
        {
            if (s.IsZombie) continue;
            byte[] environ;
            try { environ = File.ReadAllBytes("/proc/" + s.Pid.ToString(CultureInfo.InvariantCulture) + "/environ"); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            ReadOnlySpan<byte> rest = environ;
            while (!rest.IsEmpty)
            {
                var nul = rest.IndexOf((byte)0);
                if ((nul < 0 ? rest : rest[..nul]).SequenceEqual(wanted)) { pids.Add(s.Pid); break; }
                rest = nul < 0 ? [] : rest[(nul + 1)..];
            }
        }
        return pids;
    }

    /// <summary>The live (non-zombie) processes of a session.</summary>
    public static List<int> InSession(int sessionId)
    {
        var pids = new List<int>();
        if (sessionId <= 0) return pids;
        foreach (var s in All())
            if (s.Session == sessionId && !s.IsZombie) pids.Add(s.Pid);
        return pids;
    }

    /// <summary>
    /// The live descendants of <paramref name="pid"/> (children, grandchildren...), as far as parent links still show
    /// them.
    /// </summary>
    public static List<int> Descendants(int pid) => Descendants(pid, All());

    /// <summary>The live descendants of <paramref name="pid"/> within a snapshot.</summary>
    public static List<int> Descendants(int pid, List<ProcStat> snapshot)
    {
        var result = new List<int>();
        var frontier = new Queue<int>();
        frontier.Enqueue(pid);
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var s in snapshot)
                if (s.ParentPid == parent && s.Pid != pid && !result.Contains(s.Pid))
                {
                    if (!s.IsZombie) result.Add(s.Pid);
                    frontier.Enqueue(s.Pid);
                }
        }
        return result;
    }

    private static int Int(string s) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
