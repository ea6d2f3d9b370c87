using System.Globalization;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// The identity a service runs as: <c>User=</c>, <c>Group=</c> and the supplementary groups, resolved through NSS (this
/// machine's passwd/group, never the <c>--root</c>).
/// </summary>
/// <param name="Name">The user name (USER/LOGNAME).</param>
/// <param name="Uid">The user id.</param>
/// <param name="Gid">The primary group id (Group= or the user's group).</param>
/// <param name="Home">The home directory (HOME, and <c>WorkingDirectory=~</c>).</param>
/// <param name="Shell">The login shell (SHELL).</param>
/// <param name="Groups">The supplementary groups: the user's groups from the group database plus
/// <c>SupplementaryGroups=</c>.</param>
internal sealed record UserCredentials(string Name, uint Uid, uint Gid, string Home, string Shell,
    IReadOnlyList<uint> Groups)
{
    /// <summary>
    /// Resolves <c>User=</c> (name or number), optional <c>Group=</c> and <c>SupplementaryGroups=</c>. Throws
    /// <see cref="ServiceStartException"/> with systemd's wording ("Failed to determine user credentials: No such
    /// process").
    /// </summary>
    public static UserCredentials Resolve(string user, string? group = null,
        IReadOnlyList<string>? supplementaryGroups = null)
    {
        var entry = PasswdDatabase.FindUser(user);
        var known = entry is not null;
        if (entry is null)
        {
            if (!uint.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
                throw new ServiceStartException("Failed to determine user credentials: " + LibC.StrError(LibC.ESRCH));
            // A numeric id without a passwd entry is allowed, as in systemd.
            entry = new PasswdEntry(user, numeric, numeric, "/", "/bin/sh");
        }
        var gid = group is null ? entry.Gid : ResolveGroup(group);
        var groups = new List<uint>();
        if (known)
            foreach (var g in PasswdDatabase.GroupsOf(entry.Name, gid))
                if (!groups.Contains(g)) groups.Add(g);
        foreach (var name in supplementaryGroups ?? [])
        {
            var g = ResolveGroup(name);
            if (!groups.Contains(g)) groups.Add(g);
        }
        return new UserCredentials(entry.Name, entry.Uid, gid, entry.Home, entry.Shell, groups);
    }

    /// <summary>The credentials of root (uid 0), used for <c>WorkingDirectory=~</c> without <c>User=</c>.</summary>
    public static UserCredentials Root() => Resolve("root");

    private static uint ResolveGroup(string name)
    {
        if (PasswdDatabase.FindGroup(name) is { } gid) return gid;
        if (uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)) return numeric;
        throw new ServiceStartException("Failed to determine group credentials: " + LibC.StrError(LibC.ESRCH));
    }
}
