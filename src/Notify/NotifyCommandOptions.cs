namespace Platform.Notify;

/// <summary>The parsed command line of <c>systemd-notify</c>.</summary>
internal sealed class NotifyCommandOptions
{
    public bool Ready { get; set; }
    public bool Reloading { get; set; }
    public bool Stopping { get; set; }
    public bool Booted { get; set; }
    public bool Help { get; set; }
    public bool Version { get; set; }
    public string? Status { get; set; }

    /// <summary><c>--pid</c> as given: null when absent, "auto" when given without a value.</summary>
    public string? Pid { get; set; }

    /// <summary><c>--uid</c> as given (a user name or number).</summary>
    public string? Uid { get; set; }

    /// <summary>
    /// <c>--root=DIR</c> (our extension, as systemctl's): where <c>--booted</c> looks for run/systemd/system.
    /// </summary>
    public string Root { get; set; } = "/";

    /// <summary>The <c>VAR=VALUE</c> arguments, sent verbatim after the option-made lines.</summary>
    public List<string> Assignments { get; } = [];

    /// <summary>True when something would be sent.</summary>
    public bool HasData =>
        Ready || Reloading || Stopping || Status is not null || Pid is not null || Assignments.Count > 0;

    /// <summary>
    /// Parses getopt_long-style: <c>--status TEXT</c> and <c>--status=TEXT</c> both work (likewise <c>--uid</c>,
    /// <c>--root</c>), <c>--pid</c> takes its optional value only after '=', <c>--</c> ends options. Returns an error
    /// line or null.
    /// </summary>
    public static string? TryParse(string[] args, out NotifyCommandOptions options)
    {
        options = new NotifyCommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                for (i++; i < args.Length; i++) options.Assignments.Add(args[i]);
                break;
            }
            if (arg == "-h") { options.Help = true; continue; }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (arg.StartsWith('-') && arg.Length > 1) return $"invalid option -- '{arg[1..]}'";
                options.Assignments.Add(arg);
                continue;
            }
            var eq = arg.IndexOf('=');
            var name = eq < 0 ? arg[2..] : arg[2..eq];
            var value = eq < 0 ? null : arg[(eq + 1)..];
            switch (name)
            {
                case "ready": options.Ready = true; break;
                case "reloading": options.Reloading = true; break;
                case "stopping": options.Stopping = true; break;
                case "booted": options.Booted = true; break;
                case "no-block": break; // we never wait for the manager, so there is nothing to skip
                case "help": options.Help = true; break;
                case "version": options.Version = true; break;
                case "pid": options.Pid = value ?? "auto"; break;
                case "status" or "uid" or "root":
                    if (value is null && i + 1 >= args.Length) return $"option '--{name}' requires an argument";
                    value ??= args[++i];
                    if (name == "uid") options.Uid = value;
                    else if (name == "root") options.Root = value;
                    else options.Status = value;
                    continue;
                default: return $"unrecognized option '{arg}'";
            }
            if (value is not null && name != "pid")
                return $"option '--{name}' doesn't allow an argument";
        }
        return null;
    }
}
