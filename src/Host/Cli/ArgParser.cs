namespace Platform.Host.Cli;

/// <summary>
/// Parses systemctl's command line with <see cref="OptionTable"/>, getopt_long style. Options may stand before or
/// after the command, as systemd allows; an option that cannot work fails with one line instead of being ignored.
/// </summary>
internal static class ArgParser
{
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
        var spec = OptionTable.Long(text) ?? throw new UsageException($"unrecognized option '--{text}'");
        string value;
        switch (spec.Value)
        {
            case OptionValue.None:
                if (inline is not null) throw new UsageException($"option '--{text}' doesn't allow an argument");
                value = "";
                break;
            case OptionValue.Optional:
                value = inline ?? "";
                break;
            default:
                if (inline is not null) value = inline;
                else if (i + 1 < args.Count) value = args[++i];
                else throw new UsageException($"option '--{text}' requires an argument");
                break;
        }
        Apply(o, spec, value);
        return i;
    }

    private static int Short(CommandLineOptions o, IReadOnlyList<string> args, int i)
    {
        var a = args[i];
        for (var k = 1; k < a.Length; k++)
        {
            var c = a[k];
            var spec = OptionTable.Short(c) ?? throw new UsageException($"invalid option -- '{c}'");
            var value = "";
            if (spec.Value != OptionValue.None)
            {
                if (k + 1 < a.Length) value = a[(k + 1)..];
                else if (i + 1 < args.Count) value = args[++i];
                else throw new UsageException($"option requires an argument -- '{c}'");
                k = a.Length;
            }
            Apply(o, spec, value);
        }
        return i;
    }

    private static void Apply(CommandLineOptions o, OptionSpec spec, string value)
    {
        if (spec.Refusal is { } refusal) throw new UsageException(refusal);
        spec.Apply!(o, value);
    }
}
