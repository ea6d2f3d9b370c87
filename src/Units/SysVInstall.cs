namespace Platform.Units;

/// <summary>
/// Enabling and disabling SysV-only services the way Debian's systemctl does through systemd-sysv-install
/// (update-rc.d): start links <c>/etc/rcN.d/S01NAME</c> for the header's Default-Start runlevels, kill links for
/// Default-Stop; disabling turns the start links into kill links.
/// </summary>
internal static class SysVInstall
{
    private const string Helper = "/lib/systemd/systemd-sysv-install";

    public static void Enable(UnitPaths paths, string service, string script, InstallResult result)
    {
        var name = Path.GetFileName(script);
        Announce(service, "enable", name, result);
        var header = SysVScript.ReadHeader(File.ReadAllText(script));
        var start = Levels(header.GetValueOrDefault("Default-Start"), "2 3 4 5");
        var stop = Levels(header.GetValueOrDefault("Default-Stop"), "0 1 6");
        foreach (var level in start)
        {
            var dir = paths.Under($"/etc/rc{level}.d");
            foreach (var kill in Links(dir, 'K', name)) Remove(kill, result);
            if (Links(dir, 'S', name).Count == 0) Create(Path.Join(dir, "S01" + name), name, result);
        }
        foreach (var level in stop)
        {
            var dir = paths.Under($"/etc/rc{level}.d");
            if (Links(dir, 'S', name).Count == 0 && Links(dir, 'K', name).Count == 0)
                Create(Path.Join(dir, "K01" + name), name, result);
        }
    }

    public static void Disable(UnitPaths paths, string service, string script, InstallResult result)
    {
        var name = Path.GetFileName(script);
        Announce(service, "disable", name, result);
        for (var level = 2; level <= 5; level++)
            foreach (var link in Links(paths.Under($"/etc/rc{level}.d"), 'S', name))
            {
                var kill = Path.Join(Path.GetDirectoryName(link)!, "K" + Path.GetFileName(link)[1..]);
                File.Move(link, kill);
                result.Changes.Add(new InstallChange(InstallChangeKind.Unlink, link, null));
                result.Changes.Add(new InstallChange(InstallChangeKind.Symlink, kill, "../init.d/" + name));
            }
    }

    private static void Announce(string service, string verb, string name, InstallResult result)
    {
        result.Stderr.Add($"Synchronizing state of {service} with SysV service script with {Helper}.");
        result.Stderr.Add($"Executing: {Helper} {verb} {name}");
    }

    private static string[] Levels(string? list, string fallback)
        => (string.IsNullOrWhiteSpace(list) ? fallback : list)
            .Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Links like <c>S20NAME</c> in a runlevel folder.</summary>
    private static List<string> Links(string dir, char kind, string name)
    {
        var found = new List<string>();
        if (!Directory.Exists(dir)) return found;
        foreach (var path in Directory.EnumerateFileSystemEntries(dir, kind + "*"))
        {
            var file = Path.GetFileName(path);
            if (file.Length == name.Length + 3 && char.IsAsciiDigit(file[1]) && char.IsAsciiDigit(file[2])
                && file.EndsWith(name, StringComparison.Ordinal))
                found.Add(path);
        }
        return found;
    }

    private static void Create(string link, string name, InstallResult result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, "../init.d/" + name);
        result.Changes.Add(new InstallChange(InstallChangeKind.Symlink, link, "../init.d/" + name));
    }

    private static void Remove(string link, InstallResult result)
    {
        File.Delete(link);
        result.Changes.Add(new InstallChange(InstallChangeKind.Unlink, link, null));
    }
}
