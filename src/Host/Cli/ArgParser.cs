using System.Globalization;

namespace Platform.Host.Cli;

/// <summary>
/// Parses systemctl's command line. Options may stand before or after the command, as systemd allows;
/// options that only make sense with a daemon are accepted and ignored so scripts keep working.
/// </summary>
internal static class ArgParser
{
    private static readonly HashSet<string> IgnoredFlags =
    [
        "no-block", "no-reload", "no-ask-password", "no-wall", "no-pager", "system", "failed", "show-types",
        "no-warn", "wait", "dry-run", "firmware-setup", "check-inhibitors", "show-transaction", "legend=yes",
    ];

    private static readonly HashSet<string> IgnoredWithValue =
    [
        "job-mode", "check-inhibitors", "boot-loader-menu", "boot-loader-entry", "reboot-argument",
        "kill-value", "timestamp", "marked", "message", "when", "host", "machine", "drop-in", "image",
    ];

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CommandLineOptions();
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--") { positional.AddRange(args.Skip(i + 1)); break; }
            if (a.StartsWith("--", StringComparison.Ordinal)) { i = Long(o, args, i); continue; }
            if (a.Length > 1 && a[0] == '-') { i = Short(o, args, i); continue; }
            positional.Add(a);
        }
        if (positional.Count > 0)
        {
            o.Command = positional[0];
            o.Arguments.AddRange(positional.Skip(1));
        }
        return o;
    }

    private static int Long(CommandLineOptions o, IReadOnlyList<string> args, int i)
    {
        var text = args[i][2..];
        string? inline = null;
        var eq = text.IndexOf('=');
        if (eq >= 0) { inline = text[(eq + 1)..]; text = text[..eq]; }
        string Value()
        {
            if (inline is not null) return inline;
            if (i + 1 >= args.Count) throw new UsageException($"option '--{text}' requires an argument");
            return args[++i];
        }
        switch (text)
        {
            case "root": o.Root = Value(); break;
            case "user": o.UserMode = true; break;
            case "system": o.UserMode = false; break;
            case "global": o.Global = true; break;
            case "all": o.All = true; break;
            case "type": AddList(o.Types, Value()); break;
            case "state": AddList(o.States, Value()); break;
            case "property": AddList(o.Properties, Value()); break;
            case "value": o.ValueOnly = true; break;
            case "full": o.Full = true; break;
            case "no-legend": o.NoLegend = true; break;
            case "legend": o.NoLegend = inline is not null && !IsYes(inline); break;
            case "quiet": o.Quiet = true; break;
            case "now": o.Now = true; break;
            case "force": o.Force = true; break;
            case "runtime": o.Runtime = true; break;
            case "lines": o.Lines = ParseInt(Value(), "--lines"); break;
            case "output": o.Output = Value(); break;
            case "preset-mode": o.PresetMode = Value(); break;
            case "verbose": o.Verbosity++; break;
            case "config": o.ConfigOverrides.Add(Value()); break;
            case "init": o.Init = true; break;
            case "exit": o.ExitWhenIdle = true; break;
            case "version": o.ShowVersion = true; break;
            case "help": o.ShowHelp = true; break;
            case "signal": o.Signal = Value(); break;
            case "kill-whom" or "kill-who": o.KillWhom = Value(); break;
            case "what": AddList(o.What, Value()); break;
            case "reverse": o.Reverse = true; break;
            case "before": o.Before = true; break;
            case "after": o.After = true; break;
            case "recursive": o.Recursive = true; break;
            case "plain": o.Plain = true; break;
            default:
                if (IgnoredWithValue.Contains(text)) { _ = Value(); break; }
                if (IgnoredFlags.Contains(text)) break;
                throw new UsageException($"unrecognized option '--{text}'");
        }
        return i;
    }

    private static int Short(CommandLineOptions o, IReadOnlyList<string> args, int i)
    {
        var a = args[i];
        for (var k = 1; k < a.Length; k++)
        {
            var c = a[k];
            string Value()
            {
                if (k + 1 < a.Length) { var v = a[(k + 1)..]; k = a.Length; return v; }
                if (i + 1 >= args.Count) throw new UsageException($"option requires an argument -- '{c}'");
                k = a.Length;
                return args[++i];
            }
            switch (c)
            {
                case 'a': o.All = true; break;
                case 't': AddList(o.Types, Value()); break;
                case 'p': AddList(o.Properties, Value()); break;
                case 'P': AddList(o.Properties, Value()); o.ValueOnly = true; break;
                case 'l': o.Full = true; break;
                case 'q': o.Quiet = true; break;
                case 'f': o.Force = true; break;
                case 'n': o.Lines = ParseInt(Value(), "-n"); break;
                case 'o': o.Output = Value(); break;
                case 'v': o.Verbosity++; break;
                case 'c': o.ConfigOverrides.Add(Value()); break;
                case '1': o.Init = true; break;
                case '0': o.ExitWhenIdle = true; break;
                case 's': o.Signal = Value(); break;
                case 'r': o.Recursive = true; break;
                case 'h': o.ShowHelp = true; break;
                case 'i': break; // --ignore-inhibitors: nothing to inhibit without a daemon
                case 'H' or 'M': _ = Value(); break;
                case 'T': break; // --show-transaction: there is no job queue to show
                default: throw new UsageException($"invalid option -- '{c}'");
            }
        }
        return i;
    }

    private static void AddList(List<string> list, string value)
    {
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            list.Add(part);
    }

    private static bool IsYes(string s) => s is "yes" or "true" or "1" or "on";

    private static int ParseInt(string s, string option)
        => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v : throw new UsageException($"Failed to parse {option} argument: {s}");
}
