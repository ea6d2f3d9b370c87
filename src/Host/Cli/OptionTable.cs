using System.Globalization;
using System.Text;

namespace Platform.Host.Cli;

/// <summary>
/// Every option of systemd 252's systemctl, plus ours (<c>-c</c>, <c>-1</c>, <c>-0</c>, <c>-v</c>), in one table that
/// the parser and <c>--help</c> both read. Each one either works, is a documented no-op because there is no job queue,
/// pager, inhibitor or wall to talk to, or fails with one line saying why.
/// </summary>
internal static class OptionTable
{
    private const string NoDaemon = "there is no systemd daemon to talk to";

    public static readonly OptionSpec[] All =
    [
        new("help", 'h', OptionValue.None, "Show this help", (o, _) => o.ShowHelp = true),
        new("version", '\0', OptionValue.None, "Show package version", (o, _) => o.ShowVersion = true),
        new("system", '\0', OptionValue.None, "Talk to the system's units (default)", (o, _) => o.UserMode = false),
        new("user", '\0', OptionValue.None, "Talk to the calling user's units", (o, _) => o.UserMode = true),
        new("host", 'H', OptionValue.Required, "Operate on remote host (not supported)", null,
            $"Operating on a remote host (-H/--host) is not supported: {NoDaemon}.", "[USER@]HOST"),
        new("machine", 'M', OptionValue.Required, "Operate on a local container (not supported)", null,
            $"Operating on a container (-M/--machine) is not supported: {NoDaemon}; run systemctl inside it.",
                "CONTAINER"),
        new("type", 't', OptionValue.Required, "List units of a particular type", (o, v) => AddList(o.Types, v),
            ValueName: "TYPE"),
        new("state", '\0', OptionValue.Required, "List units with particular LOAD or SUB or ACTIVE state",
            (o, v) => AddList(o.States, v), ValueName: "STATE"),
        new("failed", '\0', OptionValue.None, "Shortcut for --state=failed", (o, _) => o.States.Add("failed")),
        new("property", 'p', OptionValue.Required, "Show only properties by this name",
            (o, v) => AddList(o.Properties, v), ValueName: "NAME"),
        new(null, 'P', OptionValue.Required, "Equivalent to --value --property=NAME",
            (o, v) => { AddList(o.Properties, v); o.ValueOnly = true; }, ValueName: "NAME"),
        new("all", 'a', OptionValue.None, "Show all properties/all units", (o, _) => o.All = true),
        new("full", 'l', OptionValue.None, "Don't ellipsize unit names on output", (o, _) => o.Full = true),
        new("recursive", 'r', OptionValue.None, "Show unit list of host and local containers (only the host here)",
            (o, _) => o.Recursive = true),
        new("reverse", '\0', OptionValue.None, "Show reverse dependencies with 'list-dependencies'",
            (o, _) => o.Reverse = true),
        new("before", '\0', OptionValue.None, "Show units ordered after with 'list-dependencies'",
            (o, _) => o.Before = true),
        new("after", '\0', OptionValue.None, "Show units ordered before with 'list-dependencies'",
            (o, _) => o.After = true),
        new("with-dependencies", '\0', OptionValue.None,
            "Show unit dependencies with 'status', 'cat', ... (not supported)", null,
            "--with-dependencies is not supported by this systemctl; list the units, or use list-dependencies."),
        new("job-mode", '\0', OptionValue.Required, "Accepted: jobs run at once, there is no queue to merge with",
            (o, v) => o.JobMode = JobMode(v), ValueName: "MODE"),
        new("fail", '\0', OptionValue.None, "Same as --job-mode=fail (accepted)", (o, _) => o.JobMode = "fail",
            Hidden: true),
        new("irreversible", '\0', OptionValue.None, "Same as --job-mode=replace-irreversibly (accepted)",
            (o, _) => o.JobMode = "replace-irreversibly", Hidden: true),
        new("ignore-dependencies", '\0', OptionValue.None, "Same as --job-mode=ignore-dependencies (not supported)",
            null,
            "--job-mode=ignore-dependencies is not supported: dependencies are always followed.", Hidden: true),
        new("show-transaction", 'T', OptionValue.None, "Accepted: there is no job queue to show", (_, _) => { }),
        new("show-types", '\0', OptionValue.None, "When showing sockets, explicitly show their type",
            (o, _) => o.ShowTypes = true),
        new("value", '\0', OptionValue.None, "When showing properties, only print the value",
            (o, _) => o.ValueOnly = true),
        new("check-inhibitors", '\0', OptionValue.Required, "Accepted: there are no inhibitors without logind",
            (_, v) => YesNoAuto(v, "--check-inhibitors"), ValueName: "MODE"),
        new(null, 'i', OptionValue.None, "Shortcut for --check-inhibitors=no", (_, _) => { }),
        new("ignore-inhibitors", '\0', OptionValue.None, "Shortcut for --check-inhibitors=no", (_, _) => { },
            Hidden: true),
        new("kill-whom", '\0', OptionValue.Required, "Whom to send signal to (main, control, all)",
            (o, v) => o.KillWhom = v, ValueName: "WHOM"),
        new("kill-who", '\0', OptionValue.Required, "Same as --kill-whom", (o, v) => o.KillWhom = v, Hidden: true),
        new("signal", 's', OptionValue.Required, "Which signal to send", (o, v) => o.Signal = v, ValueName: "SIGNAL"),
        new("what", '\0', OptionValue.Required, "Which types of resources to remove", (o, v) => AddList(o.What, v),
            ValueName: "RESOURCES"),
        new("now", '\0', OptionValue.None, "Start or stop unit after enabling or disabling it", (o, _) => o.Now = true),
        new("dry-run", '\0', OptionValue.None, "Only print what would be done (halt, poweroff, reboot, exit, default)",
            (o, _) => o.DryRun = true),
        new("quiet", 'q', OptionValue.None, "Suppress output", (o, _) => o.Quiet = true),
        new("wait", '\0', OptionValue.None,
            "For (re)start, wait until service stopped again; for is-system-running, until booted",
            (o, _) => o.Wait = true),
        new("no-block", '\0', OptionValue.None, "Do not wait until operation finished", (o, _) => o.NoBlock = true),
        new("no-wall", '\0', OptionValue.None, "Accepted: no wall message is sent", (_, _) => { }),
        new("no-reload", '\0', OptionValue.None, "Accepted: unit files are read on every call", (_, _) => { }),
        new("legend", '\0', OptionValue.Required, "Enable/disable the legend (column headers and hints)",
            (o, v) => o.NoLegend = !Boolean(v, "--legend"), ValueName: "BOOL"),
        new("no-legend", '\0', OptionValue.None, "Do not print a legend (column headers and hints)",
            (o, _) => o.NoLegend = true),
        new("no-pager", '\0', OptionValue.None, "Accepted: output is never paged", (_, _) => { }),
        new("no-ask-password", '\0', OptionValue.None, "Accepted: no password is ever asked", (_, _) => { }),
        new("global", '\0', OptionValue.None, "Edit/enable/disable/mask default user unit files globally",
            (o, _) => o.Global = true),
        new("runtime", '\0', OptionValue.None, "Edit/enable/disable/mask unit files temporarily until next reboot",
            (o, _) => o.Runtime = true),
        new("force", 'f', OptionValue.None, "When enabling unit files, override existing symlinks",
            (o, _) => o.Force = true),
        new("preset-mode", '\0', OptionValue.Required, "Apply only enable, only disable, or all presets",
            (o, v) => o.PresetMode = v, ValueName: "MODE"),
        new("root", '\0', OptionValue.Required, "Operate on an alternate root folder", (o, v) => o.Root = v,
            ValueName: "PATH"),
        new("image", '\0', OptionValue.Required, "Operate on a disk image (not supported)", null,
            "--image= is not supported: mount the image and use --root=.", "PATH"),
        new("lines", 'n', OptionValue.Required, "Number of journal entries to show",
            (o, v) => o.Lines = Count(v, "--lines"), ValueName: "INTEGER"),
        new("output", 'o', OptionValue.Required, "Change journal output mode", (o, v) => o.Output = v,
            ValueName: "STRING"),
        new("firmware-setup", '\0', OptionValue.None, "Tell the firmware to show the setup menu (not supported)", null,
            $"--firmware-setup is not supported: {NoDaemon}."),
        new("boot-loader-menu", '\0', OptionValue.Required, "Boot into boot loader menu (not supported)", null,
            $"--boot-loader-menu= is not supported: {NoDaemon}.", "TIME"),
        new("boot-loader-entry", '\0', OptionValue.Required, "Boot into a specific boot loader entry (not supported)",
            null,
            $"--boot-loader-entry= is not supported: {NoDaemon}.", "NAME"),
        new("plain", '\0', OptionValue.None, "Print unit dependencies as a list instead of a tree",
            (o, _) => o.Plain = true),
        new("timestamp", '\0', OptionValue.Required, "Change format of printed timestamps (pretty only)",
            (_, v) => Timestamp(v), ValueName: "FORMAT"),
        new("read-only", '\0', OptionValue.None, "Create read-only bind mount (not supported)", null,
            $"--read-only is for 'bind' and 'mount-image', which are not supported: {NoDaemon}."),
        new("mkdir", '\0', OptionValue.None, "Create directory before mounting (not supported)", null,
            $"--mkdir is for 'bind' and 'mount-image', which are not supported: {NoDaemon}."),
        new("marked", '\0', OptionValue.None, "Restart/reload previously marked units (not supported)", null,
            "--marked is not supported: units are never marked for restart without a daemon."),
        new("config", 'c', OptionValue.Required, "Override a configuration setting (e.g. DefaultTimeoutStartSec=5)",
            (o, v) => o.ConfigOverrides.Add(v), ValueName: "NAME=VALUE"),
        new("init", '1', OptionValue.None, "Run as init even when not PID 1 (also before a verb)",
            (o, _) => o.Init = true),
        new("exit", '0', OptionValue.None, "As init: exit when no services are left", (o, _) => o.ExitWhenIdle = true),
        new("verbose", 'v', OptionValue.None, "More diagnostics (repeatable)", (o, _) => o.Verbosity++),
    ];

    private static readonly Dictionary<string, OptionSpec> ByLong = All.Where(o => o.Long is not null)
        .ToDictionary(o => o.Long!, StringComparer.Ordinal);
    private static readonly Dictionary<char, OptionSpec> ByShort = All.Where(o => o.Short != '\0')
        .ToDictionary(o => o.Short);

    /// <summary>The option with this long name, or null.</summary>
    public static OptionSpec? Long(string name) => ByLong.GetValueOrDefault(name);

    /// <summary>The option with this letter, or null.</summary>
    public static OptionSpec? Short(char letter) => ByShort.GetValueOrDefault(letter);

    /// <summary>The "Options:" part of <c>--help</c>, generated from the table.</summary>
    public static string Help()
    {
        var sb = new StringBuilder();
        foreach (var o in All)
        {
            if (o.Hidden) continue;
            var names = (o.Short != '\0' ? "-" + o.Short + " " : "   ") + (o.Long is null ? "" : "--" + o.Long);
            if (o.Value != OptionValue.None && o.ValueName is { } v) names += o.Long is null ? v : "=" + v;
            sb.Append("  ").Append(names.PadRight(28)).Append(' ').Append(o.Help).Append('\n');
        }
        return sb.ToString();
    }

    private static void AddList(List<string> list, string value)
    {
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            list.Add(part);
    }

    private static string JobMode(string v) =>
        v is "fail" or "replace" or "replace-irreversibly" or "isolate" or "flush" or "triggering"
        or "ignore-requirements" or "restart-dependencies"
        ? v
        : v == "ignore-dependencies"
            ? throw new UsageException(
                "--job-mode=ignore-dependencies is not supported: dependencies are always followed.")
            : throw new UsageException($"Unknown job mode {v}.");

    private static void YesNoAuto(string v, string option)
    {
        if (v != "auto") _ = Boolean(v, option);
    }

    private static bool Boolean(string v, string option)
        => Platform.Abstractions.SystemdValues.TryParseBoolean(v, out var b)
            ? b : throw new UsageException($"Failed to parse {option}= argument: {v}");

    private static void Timestamp(string v)
    {
        if (v != "pretty")
            throw new UsageException($"--timestamp={v} is not supported: timestamps are printed in the pretty format.");
    }

    private static int Count(string s, string option)
        => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v : throw new UsageException($"Failed to parse {option} argument: {s}");
}
