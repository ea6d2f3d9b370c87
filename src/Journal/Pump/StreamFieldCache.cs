using System.Globalization;

namespace Platform.Journal.Pump;

/// <summary>
/// The extra journal fields of a stream's records as journald adds them to stdout streams
/// (<c>_SYSTEMD_INVOCATION_ID</c>, <c>_SYSTEMD_SLICE</c>, <c>SYSLOG_FACILITY</c>, <c>_UID</c>, <c>_GID</c>,
/// <c>_COMM</c>, <c>_EXE</c>, <c>_CMDLINE</c>, <c>_LINE_BREAK</c>). Records of the same writer share one read-only
/// dictionary, so a busy stream allocates none per line.
/// </summary>
internal sealed class StreamFieldCache
{
    private IReadOnlyDictionary<string, string>? _current;
    private int _pid = -1, _uid = -2, _gid = -2;

    public IReadOnlyDictionary<string, string> For(JournalStreamHeader header, int pid, int uid, int gid,
        LineBreak reason)
    {
        if (_current is null || pid != _pid || uid != _uid || gid != _gid)
        {
            _current = Build(header, pid, uid, gid);
            _pid = pid;
            _uid = uid;
            _gid = gid;
        }
        if (reason == LineBreak.Newline) return _current;
        var withBreak = new Dictionary<string, string>(_current) { ["_LINE_BREAK"] = Name(reason) };
        return withBreak;
    }

    private static Dictionary<string, string> Build(JournalStreamHeader header, int pid, int uid, int gid)
    {
        var fields = new Dictionary<string, string>(8, StringComparer.Ordinal);
        // journald records service output streams with facility LOG_DAEMON.
        fields["SYSLOG_FACILITY"] = "3";
        if (header.InvocationId is { } invocation) fields["_SYSTEMD_INVOCATION_ID"] = invocation;
        if (header.Slice is { Length: > 0 } slice) fields["_SYSTEMD_SLICE"] = slice;
        if (uid >= 0) fields["_UID"] = uid.ToString(CultureInfo.InvariantCulture);
        if (gid >= 0) fields["_GID"] = gid.ToString(CultureInfo.InvariantCulture);
        if (pid > 0 && ReadComm(pid) is { Length: > 0 } comm) fields["_COMM"] = comm;
        if (pid > 0 && ReadExe(pid) is { Length: > 0 } exe) fields["_EXE"] = exe;
        if (pid > 0 && ReadCmdline(pid) is { Length: > 0 } cmdline) fields["_CMDLINE"] = cmdline;
        return fields;
    }

    private static string? ReadExe(int pid)
    {
        try { return new FileInfo("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/exe").LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The argument vector joined by spaces, as journald's _CMDLINE.</summary>
    private static string? ReadCmdline(int pid)
    {
        try
        {
            return File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/cmdline").TrimEnd('\0')
                .Replace('\0', ' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static string? ReadComm(int pid)
    {
        try { return File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/comm").TrimEnd('\n'); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static string Name(LineBreak reason) => reason switch
    {
        LineBreak.Nul => "nul",
        LineBreak.LineMax => "line-max",
        LineBreak.Eof => "eof",
        LineBreak.PidChange => "pid-change",
        _ => "newline",
    };
}
