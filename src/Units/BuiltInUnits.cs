namespace Platform.Units;

/// <summary>
/// The standard targets of systemd.special(7), which exist even when no file defines them (containers often ship
/// no systemd units). A real file of the same name always wins. <c>default.target</c> is an alias of
/// <c>multi-user.target</c> unless a file or link defines it.
/// </summary>
public static class BuiltInUnits
{
    /// <summary>The <see cref="Platform.Abstractions.UnitSetting.Source"/> of settings that come from a built-in definition.</summary>
    public const string Source = "(built-in)";

    /// <summary>The unit <c>default.target</c> stands for when nothing on disk defines it.</summary>
    public const string DefaultTargetFallback = "multi-user.target";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["multi-user.target"] = Target("Multi-User System", "Requires=basic.target\nAfter=basic.target\nAllowIsolate=yes"),
        ["graphical.target"] = Target("Graphical Interface", "Requires=multi-user.target\nAfter=multi-user.target\nAllowIsolate=yes"),
        ["basic.target"] = Target("Basic System",
            "Requires=sysinit.target\nWants=sockets.target timers.target paths.target slices.target\nAfter=sysinit.target sockets.target paths.target slices.target"),
        ["sysinit.target"] = Target("System Initialization", "Wants=local-fs.target swap.target\nAfter=local-fs.target swap.target"),
        ["local-fs.target"] = Target("Local File Systems", "DefaultDependencies=no\nConflicts=shutdown.target\nAfter=local-fs-pre.target"),
        ["local-fs-pre.target"] = Target("Preparation for Local File Systems", "RefuseManualStart=yes"),
        ["remote-fs.target"] = Target("Remote File Systems", "DefaultDependencies=no\nConflicts=shutdown.target\nAfter=remote-fs-pre.target"),
        ["remote-fs-pre.target"] = Target("Preparation for Remote File Systems", "RefuseManualStart=yes"),
        ["network.target"] = Target("Network", "After=network-pre.target\nRefuseManualStart=yes"),
        ["network-online.target"] = Target("Network is Online", "After=network.target"),
        ["network-pre.target"] = Target("Preparation for Network", "RefuseManualStart=yes"),
        ["nss-lookup.target"] = Target("Host and Network Name Lookups", "RefuseManualStart=yes"),
        ["nss-user-lookup.target"] = Target("User and Group Name Lookups", "RefuseManualStart=yes"),
        ["time-set.target"] = Target("System Time Set", "RefuseManualStart=yes"),
        ["time-sync.target"] = Target("System Time Synchronized", "RefuseManualStart=yes\nWants=time-set.target\nAfter=time-set.target"),
        ["timers.target"] = Target("Timer Units", "DefaultDependencies=no\nConflicts=shutdown.target"),
        ["sockets.target"] = Target("Socket Units", ""),
        ["paths.target"] = Target("Path Units", ""),
        ["slices.target"] = Target("Slice Units", ""),
        ["swap.target"] = Target("Swaps", ""),
        ["getty.target"] = Target("Login Prompts", ""),
        ["getty-pre.target"] = Target("Preparation for Logins", ""),
        ["rpcbind.target"] = Target("RPC Port Mapper", ""),
        ["shutdown.target"] = Target("System Shutdown", "DefaultDependencies=no\nRefuseManualStart=yes"),
        ["umount.target"] = Target("Unmount All Filesystems", "DefaultDependencies=no\nRefuseManualStart=yes"),
        ["final.target"] = Target("Late Shutdown Services", "DefaultDependencies=no\nRefuseManualStart=yes\nAfter=shutdown.target umount.target"),
        ["rescue.target"] = Target("Rescue Mode", "Requires=sysinit.target\nAfter=sysinit.target\nAllowIsolate=yes"),
        ["emergency.target"] = Target("Emergency Mode", "AllowIsolate=yes"),
        ["halt.target"] = Target("System Halt", "DefaultDependencies=no\nAllowIsolate=yes"),
        ["poweroff.target"] = Target("System Power Off", "DefaultDependencies=no\nAllowIsolate=yes"),
        ["reboot.target"] = Target("System Reboot", "DefaultDependencies=no\nAllowIsolate=yes"),
        ["exit.target"] = Target("Exit the Service Manager", "DefaultDependencies=no\nAllowIsolate=yes"),
        ["default.target"] = "",
    };

    private static readonly Dictionary<string, string> UserTexts = new(StringComparer.Ordinal)
    {
        ["default.target"] = Target("Main User Target", "Requires=basic.target\nAfter=basic.target\nAllowIsolate=yes"),
        ["basic.target"] = Target("Basic System", "Wants=sockets.target timers.target paths.target\nAfter=sockets.target timers.target paths.target"),
        ["sockets.target"] = Target("Sockets", ""),
        ["timers.target"] = Target("Timers", ""),
        ["paths.target"] = Target("Paths", ""),
        ["shutdown.target"] = Target("Shutdown", "DefaultDependencies=no\nRefuseManualStart=yes"),
        ["exit.target"] = Target("Exit the Session", "DefaultDependencies=no\nAllowIsolate=yes"),
    };

    /// <summary>Every built-in unit name of the mode, including <c>default.target</c>.</summary>
    public static IEnumerable<string> Names(bool user) => (user ? UserTexts : Texts).Keys;

    /// <summary>Whether the mode has a built-in unit of that name.</summary>
    public static bool Exists(string name, bool user) => (user ? UserTexts : Texts).ContainsKey(name);

    /// <summary>The unit file text of a built-in unit, or null (also for built-in aliases).</summary>
    public static string? Text(string name, bool user)
        => AliasOf(name, user) is null ? (user ? UserTexts : Texts).GetValueOrDefault(name) : null;

    /// <summary>The unit a built-in alias stands for (system <c>default.target</c> → <c>multi-user.target</c>), else null.</summary>
    public static string? AliasOf(string name, bool user) => !user && name == "default.target" ? DefaultTargetFallback : null;

    private static string Target(string description, string body)
        => $"[Unit]\nDescription={description}\nDocumentation=man:systemd.special(7)\n{body}\n";
}
