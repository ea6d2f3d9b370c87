namespace Platform.Units;

/// <summary>
/// The standard targets of systemd.special(7), which exist even when no file defines them (containers often ship
/// no systemd units). A real file of the same name always wins. <c>default.target</c> is an alias of
/// <c>multi-user.target</c> unless a file or link defines it.
/// </summary>
public static class BuiltInUnits
{
    /// <summary>
    /// The <see cref="Platform.Abstractions.UnitSetting.Source"/> of settings that come from a built-in definition.
    /// </summary>
    public const string Source = "(built-in)";

    /// <summary>The unit <c>default.target</c> stands for when nothing on disk defines it.</summary>
    public const string DefaultTargetFallback = "multi-user.target";

    // The [Unit] sections (and syslog.socket's [Socket]) of the units systemd 252 installs in /lib/systemd/system,
    // comments left out; tests/Units.Tests compares them with the machine's files when systemd is installed.
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["-.slice"] = Unit("Root Slice", "Documentation=man:systemd.special(7)\nDefaultDependencies=no"),
        ["basic.target"] = Unit("Basic System",
            "Documentation=man:systemd.special(7)\nRequires=sysinit.target\n"
            + "Wants=sockets.target timers.target paths.target slices.target\n"
            + "After=sysinit.target sockets.target paths.target slices.target tmp.mount\n"
            + "RequiresMountsFor=/var /var/tmp\nWants=tmp.mount"),
        ["bluetooth.target"] = Unit("Bluetooth Support", "Documentation=man:systemd.special(7)\nStopWhenUnneeded=yes"),
        ["boot-complete.target"] = Unit("Boot Completion Check",
            "Documentation=man:systemd.special(7)\nRequires=sysinit.target\nAfter=sysinit.target"),
        ["cryptsetup-pre.target"] = Unit("Local Encrypted Volumes (Pre)",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes\nBefore=cryptsetup.target"),
        ["cryptsetup.target"] = Unit("Local Encrypted Volumes", "Documentation=man:systemd.special(7)"),
        ["emergency.target"] = Unit("Emergency Mode",
            "Documentation=man:systemd.special(7)\nRequires=emergency.service\nAfter=emergency.service\n"
            + "AllowIsolate=yes"),
        ["exit.target"] = Unit("Exit the Container",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-exit.service\n"
            + "After=systemd-exit.service\nAllowIsolate=yes"),
        ["factory-reset.target"] = Unit("Factory Reset", "Documentation=man:systemd.special(7)"),
        ["final.target"] = Unit("Late Shutdown Services",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRefuseManualStart=yes\n"
            + "After=shutdown.target umount.target"),
        ["first-boot-complete.target"] = Unit("First Boot Complete",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes\nConditionFirstBoot=yes"),
        ["getty-pre.target"] = Unit("Preparation for Logins",
            "Documentation=man:systemd.special(7) man:systemd-getty-generator(8)\n"
            + "Documentation=https://0pointer.de/blog/projects/serial-console.html"),
        ["getty.target"] = Unit("Login Prompts",
            "Documentation=man:systemd.special(7) man:systemd-getty-generator(8)\n"
            + "Documentation=https://0pointer.de/blog/projects/serial-console.html"),
        ["graphical.target"] = Unit("Graphical Interface",
            "Documentation=man:systemd.special(7)\nRequires=multi-user.target\nWants=display-manager.service\n"
            + "Conflicts=rescue.service rescue.target\n"
            + "After=multi-user.target rescue.service rescue.target display-manager.service\nAllowIsolate=yes"),
        ["halt.target"] = Unit("System Halt",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-halt.service\n"
            + "After=systemd-halt.service\nAllowIsolate=yes"),
        ["hibernate.target"] = Unit("System Hibernation",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-hibernate.service\n"
            + "After=systemd-hibernate.service\nStopWhenUnneeded=yes"),
        ["hybrid-sleep.target"] = Unit("Hybrid Suspend+Hibernate",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-hybrid-sleep.service\n"
            + "After=systemd-hybrid-sleep.service\nStopWhenUnneeded=yes"),
        ["initrd-fs.target"] = Unit("Initrd File Systems",
            "Documentation=man:systemd.special(7)\nAssertPathExists=/etc/initrd-release\nOnFailure=emergency.target\n"
            + "OnFailureJobMode=replace-irreversibly\nAfter=initrd-parse-etc.service\nDefaultDependencies=no\n"
            + "Conflicts=shutdown.target"),
        ["initrd-root-device.target"] = Unit("Initrd Root Device",
            "Documentation=man:systemd.special(7)\nAssertPathExists=/etc/initrd-release\nOnFailure=emergency.target\n"
            + "OnFailureJobMode=replace-irreversibly\nDefaultDependencies=no\nConflicts=shutdown.target"),
        ["initrd-root-fs.target"] = Unit("Initrd Root File System",
            "Documentation=man:systemd.special(7)\nAssertPathExists=/etc/initrd-release\nOnFailure=emergency.target\n"
            + "OnFailureJobMode=replace-irreversibly\nDefaultDependencies=no\nConflicts=shutdown.target"),
        ["initrd-switch-root.target"] = Unit("Switch Root",
            "AssertPathExists=/etc/initrd-release\nDefaultDependencies=no\nWants=initrd-switch-root.service\n"
            + "Before=initrd-switch-root.service\nAllowIsolate=yes\n"
            + "Wants=initrd-udevadm-cleanup-db.service initrd-root-fs.target initrd-fs.target systemd-journald.service "
            + "initrd-cleanup.service\n"
            + "After=initrd-udevadm-cleanup-db.service initrd-root-fs.target initrd-fs.target emergency.service "
            + "emergency.target initrd-cleanup.service"),
        ["initrd-usr-fs.target"] = Unit("Initrd /usr File System",
            "Documentation=man:systemd.special(7)\nAssertPathExists=/etc/initrd-release\nOnFailure=emergency.target\n"
            + "OnFailureJobMode=replace-irreversibly\nDefaultDependencies=no\nConflicts=shutdown.target"),
        ["initrd.target"] = Unit("Initrd Default Target",
            "Documentation=man:systemd.special(7)\nOnFailure=emergency.target\nOnFailureJobMode=replace-irreversibly\n"
            + "AssertPathExists=/etc/initrd-release\nRequires=basic.target\n"
            + "Wants=initrd-root-fs.target initrd-root-device.target initrd-fs.target initrd-usr-fs.target "
            + "initrd-parse-etc.service\n"
            + "After=initrd-root-fs.target initrd-root-device.target initrd-fs.target initrd-usr-fs.target "
            + "basic.target rescue.service rescue.target\nAllowIsolate=yes"),
        ["integritysetup-pre.target"] = Unit("Local Integrity Protected Volumes (Pre)",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes\nBefore=integritysetup.target"),
        ["integritysetup.target"] = Unit("Local Integrity Protected Volumes", "Documentation=man:systemd.special(7)"),
        ["kexec.target"] = Unit("Reboot via kexec",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-kexec.service\n"
            + "After=systemd-kexec.service\nAllowIsolate=yes"),
        ["local-fs-pre.target"] = Unit("Preparation for Local File Systems",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes"),
        ["local-fs.target"] = Unit("Local File Systems",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nConflicts=shutdown.target\n"
            + "After=local-fs-pre.target\nOnFailure=emergency.target\nOnFailureJobMode=replace-irreversibly"),
        ["machine.slice"] = Unit("Virtual Machine and Container Slice",
            "Documentation=man:systemd.special(7)\nBefore=slices.target"),
        ["multi-user.target"] = Unit("Multi-User System",
            "Documentation=man:systemd.special(7)\nRequires=basic.target\nConflicts=rescue.service rescue.target\n"
            + "After=basic.target rescue.service rescue.target\nAllowIsolate=yes"),
        ["network-online.target"] = Unit("Network is Online",
            "Documentation=man:systemd.special(7)\nDocumentation=https://systemd.io/NETWORK_ONLINE\n"
            + "After=network.target"),
        ["network-pre.target"] = Unit("Preparation for Network",
            "Documentation=man:systemd.special(7)\nDocumentation=https://systemd.io/NETWORK_ONLINE\n"
            + "RefuseManualStart=yes"),
        ["network.target"] = Unit("Network",
            "Documentation=man:systemd.special(7)\nDocumentation=https://systemd.io/NETWORK_ONLINE\n"
            + "After=network-pre.target\nRefuseManualStart=yes"),
        ["nss-lookup.target"] = Unit("Host and Network Name Lookups",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes"),
        ["nss-user-lookup.target"] = Unit("User and Group Name Lookups",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes"),
        ["paths.target"] = Unit("Path Units", "Documentation=man:systemd.special(7)"),
        ["poweroff.target"] = Unit("System Power Off",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-poweroff.service\n"
            + "After=systemd-poweroff.service\nAllowIsolate=yes\nJobTimeoutSec=30min\nJobTimeoutAction=poweroff-force"),
        ["printer.target"] = Unit("Printer Support", "Documentation=man:systemd.special(7)\nStopWhenUnneeded=yes"),
        ["reboot.target"] = Unit("System Reboot",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-reboot.service\n"
            + "After=systemd-reboot.service\nAllowIsolate=yes\nJobTimeoutSec=30min\nJobTimeoutAction=reboot-force"),
        ["remote-cryptsetup.target"] = Unit("Remote Encrypted Volumes",
            "Documentation=man:systemd.special(7)\nAfter=remote-fs-pre.target cryptsetup-pre.target\n"
            + "DefaultDependencies=no\nConflicts=shutdown.target"),
        ["remote-fs-pre.target"] = Unit("Preparation for Remote File Systems",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes"),
        ["remote-fs.target"] = Unit("Remote File Systems",
            "Documentation=man:systemd.special(7)\nAfter=remote-fs-pre.target\nDefaultDependencies=no\n"
            + "Conflicts=shutdown.target"),
        ["remote-veritysetup.target"] = Unit("Remote Verity Protected Volumes",
            "Documentation=man:systemd.special(7)\nAfter=remote-fs-pre.target veritysetup-pre.target\n"
            + "DefaultDependencies=no\nConflicts=shutdown.target"),
        ["rescue.target"] = Unit("Rescue Mode",
            "Documentation=man:systemd.special(7)\nRequires=sysinit.target rescue.service\n"
            + "After=sysinit.target rescue.service\nAllowIsolate=yes"),
        ["rpcbind.target"] = Unit("RPC Port Mapper", "Documentation=man:systemd.special(7)\nRefuseManualStart=yes"),
        ["shutdown.target"] = Unit("System Shutdown",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRefuseManualStart=yes"),
        ["sigpwr.target"] = Unit("Power Failure", "Documentation=man:systemd.special(7)"),
        ["sleep.target"] = Unit("Sleep",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRefuseManualStart=yes\n"
            + "StopWhenUnneeded=yes"),
        ["slices.target"] = Unit("Slice Units",
            "Documentation=man:systemd.special(7)\nWants=-.slice system.slice\nAfter=-.slice system.slice"),
        ["smartcard.target"] = Unit("Smart Card", "Documentation=man:systemd.special(7)\nStopWhenUnneeded=yes"),
        ["sockets.target"] = Unit("Socket Units", "Documentation=man:systemd.special(7)"),
        ["sound.target"] = Unit("Sound Card", "Documentation=man:systemd.special(7)\nStopWhenUnneeded=yes"),
        ["suspend-then-hibernate.target"] = Unit("Suspend; Hibernate if not used for a period of time",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\n"
            + "Requires=systemd-suspend-then-hibernate.service\nAfter=systemd-suspend-then-hibernate.service\n"
            + "StopWhenUnneeded=yes"),
        ["suspend.target"] = Unit("Suspend",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRequires=systemd-suspend.service\n"
            + "After=systemd-suspend.service\nStopWhenUnneeded=yes"),
        ["swap.target"] = Unit("Swaps", "Documentation=man:systemd.special(7)"),
        ["sysinit.target"] = Unit("System Initialization",
            "Documentation=man:systemd.special(7)\nWants=local-fs.target swap.target\n"
            + "After=local-fs.target swap.target\nConflicts=emergency.service emergency.target\n"
            + "Before=emergency.service emergency.target"),
        ["syslog.socket"] = Unit("Syslog Socket",
            "Documentation=man:systemd.special(7)\n"
            + "Documentation=https://www.freedesktop.org/wiki/Software/systemd/syslog\nDefaultDependencies=no\n"
            + "Before=sockets.target\nConflicts=shutdown.target\nBefore=shutdown.target\nConflicts=emergency.service\n"
            + "Before=emergency.service\n[Socket]\nListenDatagram=/run/systemd/journal/syslog\nSocketMode=0666\n"
            + "PassCredentials=yes\nPassSecurity=yes\nReceiveBuffer=8M"),
        ["system-update-pre.target"] = Unit("Offline System Update (Pre)",
            "Documentation=man:systemd.offline-updates(7)\n"
            + "Documentation=man:systemd.special(7) man:systemd-system-update-generator(8)\nRefuseManualStart=yes\n"
            + "After=sysinit.target"),
        ["system-update.target"] = Unit("Offline System Update",
            "Documentation=man:systemd.offline-updates(7)\n"
            + "Documentation=man:systemd.special(7) man:systemd-system-update-generator(8)\nRequires=sysinit.target\n"
            + "After=sysinit.target system-update-pre.target\nAllowIsolate=yes\nWants=system-update-cleanup.service"),
        ["system.slice"] = Unit("System Slice",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nBefore=slices.target\nRequires=-.slice\n"
            + "After=-.slice"),
        ["time-set.target"] = Unit("System Time Set", "Documentation=man:systemd.special(7)\nRefuseManualStart=yes"),
        ["time-sync.target"] = Unit("System Time Synchronized",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes\nAfter=time-set.target\n"
            + "Wants=time-set.target"),
        ["timers.target"] = Unit("Timer Units",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nConflicts=shutdown.target"),
        ["umount.target"] = Unit("Unmount All Filesystems",
            "Documentation=man:systemd.special(7)\nDefaultDependencies=no\nRefuseManualStart=yes"),
        ["usb-gadget.target"] = Unit("Hardware activated USB gadget", "Documentation=man:systemd.special(7)"),
        ["user.slice"] = Unit("User and Session Slice", "Documentation=man:systemd.special(7)\nBefore=slices.target"),
        ["veritysetup-pre.target"] = Unit("Local Verity Protected Volumes (Pre)",
            "Documentation=man:systemd.special(7)\nRefuseManualStart=yes\nBefore=veritysetup.target"),
        ["veritysetup.target"] = Unit("Local Verity Protected Volumes", "Documentation=man:systemd.special(7)"),
        ["default.target"] = "",
    };

    /// <summary>systemd 252's compatibility links: SysV runlevels and the Ctrl-Alt-Del target.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ctrl-alt-del.target"] = "reboot.target",
        ["runlevel0.target"] = "poweroff.target",
        ["runlevel1.target"] = "rescue.target",
        ["runlevel2.target"] = "multi-user.target",
        ["runlevel3.target"] = "multi-user.target",
        ["runlevel4.target"] = "multi-user.target",
        ["runlevel5.target"] = "graphical.target",
        ["runlevel6.target"] = "reboot.target",
    };

    private static readonly Dictionary<string, string> UserTexts = new(StringComparer.Ordinal)
    {
        ["default.target"] = Target("Main User Target", "Requires=basic.target\nAfter=basic.target\nAllowIsolate=yes"),
        ["basic.target"] = Target("Basic System",
            "Wants=sockets.target timers.target paths.target\nAfter=sockets.target timers.target paths.target"),
        ["sockets.target"] = Target("Sockets", ""),
        ["timers.target"] = Target("Timers", ""),
        ["paths.target"] = Target("Paths", ""),
        ["shutdown.target"] = Target("Shutdown", "DefaultDependencies=no\nRefuseManualStart=yes"),
        ["exit.target"] = Target("Exit the Session", "DefaultDependencies=no\nAllowIsolate=yes"),
    };

    /// <summary>Every built-in unit name of the mode, including <c>default.target</c>.</summary>
    public static IEnumerable<string> Names(bool user) => user ? UserTexts.Keys : Texts.Keys.Concat(Aliases.Keys);

    /// <summary>Whether the mode has a built-in unit of that name.</summary>
    public static bool Exists(string name, bool user) =>
        (user ? UserTexts : Texts).ContainsKey(name) || !user && Aliases.ContainsKey(name);

    /// <summary>The unit file text of a built-in unit, or null (also for built-in aliases).</summary>
    public static string? Text(string name, bool user)
        => AliasOf(name, user) is null ? (user ? UserTexts : Texts).GetValueOrDefault(name) : null;

    /// <summary>
    /// The unit a built-in alias stands for (system <c>default.target</c> → <c>multi-user.target</c>), else null.
    /// </summary>
    public static string? AliasOf(string name, bool user)
        => user ? null : name == "default.target" ? DefaultTargetFallback : Aliases.GetValueOrDefault(name);

    private static string Target(string description, string body)
        => $"[Unit]\nDescription={description}\nDocumentation=man:systemd.special(7)\n{body}\n";

    private static string Unit(string description, string body) => $"[Unit]\nDescription={description}\n{body}\n";
}
