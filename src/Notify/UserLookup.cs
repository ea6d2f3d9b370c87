using System.Globalization;

namespace Platform.Notify;

/// <summary>Resolves <c>--uid=USER</c> from <c>/etc/passwd</c> without NSS (containers rarely have more).</summary>
internal static class UserLookup
{
    /// <summary>A numeric uid (gid then -1, meaning "ours"), or a name's uid and primary gid.</summary>
    public static bool TryResolve(string user, out int uid, out int gid, string passwdPath = "/etc/passwd")
    {
        gid = -1;
        if (int.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out uid)) return true;
        uid = -1;
        if (!File.Exists(passwdPath)) return false;
        foreach (var line in File.ReadLines(passwdPath))
        {
            // name:password:uid:gid:gecos:home:shell
            var fields = line.Split(':');
            if (fields.Length < 4 || fields[0] != user) continue;
            return int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out gid);
        }
        return false;
    }
}
