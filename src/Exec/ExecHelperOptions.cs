using System.Globalization;

namespace Platform.Exec;

/// <summary>The parsed command line of the <c>__exec</c> helper.</summary>
internal sealed class ExecHelperOptions
{
    public uint? Uid { get; private set; }
    public uint? Gid { get; private set; }
    public uint[]? Groups { get; private set; }
    public uint? Umask { get; private set; }
    public string? Directory { get; private set; }
    public bool DirectoryOptional { get; private set; }
    /// <summary>
    /// <c>--listen-pid</c>: set <c>LISTEN_PID</c> to this process's pid, which the service keeps across execve.
    /// </summary>
    public bool ListenPid { get; private set; }
    public int ReportFd { get; private set; } = -1;
    public string Path { get; private set; } = "";
    public List<string> Arguments { get; } = [];
    /// <summary>Variables the spawner added for the helper itself, removed before execve.</summary>
    public List<string> DropEnvironment { get; } = [];
    /// <summary>The systemd.exec(5) process settings to apply (<c>--nice=N</c>, <c>--private-tmp</c>, ...).</summary>
    public ExecHardening Hardening { get; private set; } = new();

    /// <summary>Parses the arguments (a leading <c>__exec</c> is skipped); null when malformed.</summary>
    public static ExecHelperOptions? Parse(string[] args)
    {
        var o = new ExecHelperOptions();
        var i = args.Length > 0 && args[0] == ExecHelper.Mode ? 1 : 0;
        for (; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--") break;
            if (a == "--chdir-optional") { o.DirectoryOptional = true; continue; }
            if (a == "--listen-pid") { o.ListenPid = true; continue; }
            if (a.Contains('=', StringComparison.Ordinal) || a is "--no-new-privs" or "--private-tmp")
            {
                var hardening = o.Hardening;
                if (!ExecHardening.TryApplyArgument(a, ref hardening)) return null;
                o.Hardening = hardening;
                continue;
            }
            if (i + 1 >= args.Length) return null;
            var v = args[++i];
            switch (a)
            {
                case "--uid": if (!TryUInt(v, out var uid)) return null; o.Uid = uid; break;
                case "--gid": if (!TryUInt(v, out var gid)) return null; o.Gid = gid; break;
                case "--groups":
                    var parts = v.Split(',', StringSplitOptions.RemoveEmptyEntries);
                    o.Groups = new uint[parts.Length];
                    for (var k = 0; k < parts.Length; k++) if (!TryUInt(parts[k], out o.Groups[k])) return null;
                    break;
                case "--umask":
                    try { o.Umask = Convert.ToUInt32(v, 8); } catch (Exception e) when (e is FormatException
                        or OverflowException or ArgumentException) { return null; }
                    break;
                case "--chdir": o.Directory = v; break;
                case "--drop-env": o.DropEnvironment.Add(v); break;
                case "--report-fd": if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture,
                    out var fd)) return null; o.ReportFd = fd; break;
                default: return null;
            }
        }
        if (i + 1 >= args.Length) return null;
        o.Path = args[i + 1];
        for (var k = i + 2; k < args.Length; k++) o.Arguments.Add(args[k]);
        if (o.Arguments.Count == 0) o.Arguments.Add(o.Path);
        return o;
    }

    private static bool TryUInt(string s, out uint value) =>
        uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
