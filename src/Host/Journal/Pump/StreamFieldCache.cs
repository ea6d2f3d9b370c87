using System.Globalization;

namespace Platform.Host.Journal.Pump;

/// <summary>
/// The extra journal fields of a stream's records (<c>_SYSTEMD_INVOCATION_ID</c>, <c>_UID</c>, <c>_GID</c>,
/// <c>_COMM</c>, <c>_LINE_BREAK</c>). Records of the same writer share one read-only dictionary, so a busy stream
/// allocates none per line.
/// </summary>
internal sealed class StreamFieldCache
{
    private IReadOnlyDictionary<string, string>? _current;
    private int _pid = -1, _uid = -2, _gid = -2;

    public IReadOnlyDictionary<string, string> For(JournalStreamHeader header, int pid, int uid, int gid, LineBreak reason)
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
        var fields = new Dictionary<string, string>(4, StringComparer.Ordinal);
        if (header.InvocationId is { } invocation) fields["_SYSTEMD_INVOCATION_ID"] = invocation;
        if (uid >= 0) fields["_UID"] = uid.ToString(CultureInfo.InvariantCulture);
        if (gid >= 0) fields["_GID"] = gid.ToString(CultureInfo.InvariantCulture);
        if (pid > 0 && ReadComm(pid) is { Length: > 0 } comm) fields["_COMM"] = comm;
        return fields;
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
