using System.Globalization;

namespace Platform.Units;

/// <summary>
/// Who this process runs as (for <c>%u %U %g %G %h %s</c>), read once from <c>/proc/self/status</c> and the
/// passwd/group files.
/// </summary>
public sealed class ProcessIdentity
{
    private static ProcessIdentity? _current;

    private ProcessIdentity(int uid, int gid, string user, string group, string home, string shell)
    {
        Uid = uid; Gid = gid; UserName = user; GroupName = group; Home = home; Shell = shell;
    }

    /// <summary>The effective identity of this process.</summary>
    public static ProcessIdentity Current => _current ??= Read();

    /// <summary>Effective user id.</summary>
    public int Uid { get; }
    /// <summary>Effective group id.</summary>
    public int Gid { get; }
    /// <summary>User name, or the number when unknown.</summary>
    public string UserName { get; }
    /// <summary>Group name, or the number when unknown.</summary>
    public string GroupName { get; }
    /// <summary>Home folder from the passwd file (or <c>$HOME</c>).</summary>
    public string Home { get; }
    /// <summary>Login shell from the passwd file, <c>/bin/sh</c> when unknown.</summary>
    public string Shell { get; }

    private static ProcessIdentity Read()
    {
        int uid = 0, gid = 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal)) uid = EffectiveId(line);
                else if (line.StartsWith("Gid:", StringComparison.Ordinal)) { gid = EffectiveId(line); break; }
            }
        }
        catch (IOException) { }
        var user = uid.ToString(CultureInfo.InvariantCulture);
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/";
        var shell = "/bin/sh";
        var pw = Lookup("/etc/passwd", uid);
        if (pw is not null)
        {
            user = pw[0];
            if (pw.Length > 5) home = pw[5];
            if (pw.Length > 6 && pw[6].Length > 0) shell = pw[6];
        }
        var gr = Lookup("/etc/group", gid);
        var group = gr is not null ? gr[0] : gid.ToString(CultureInfo.InvariantCulture);
        if (uid == 0) { home = "/root"; shell = "/bin/sh"; }
        return new ProcessIdentity(uid, gid, user, group, home, shell);
    }

    private static int EffectiveId(string line)
    {
        var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : 0;
    }

    private static string[]? Lookup(string file, int id)
    {
        try
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            foreach (var line in File.ReadLines(file))
            {
                var f = line.Split(':');
                if (f.Length > 2 && f[2] == key) return f;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
