using System.Globalization;

namespace Platform.Journal.Journalctl;

/// <summary>
/// Parses journalctl's options the way getopt does (<c>-u X</c>, <c>-uX</c>, <c>--unit=X</c>, <c>--unit X</c>,
/// bundled flags such as <c>-fq</c>); <c>-n</c> and <c>-b</c> take their optional value from the next word when it
/// looks like one. Errors use journalctl's wording.
/// </summary>
internal static class JournalctlParser
{
    private const string Required = "uoSUptDMF";
    private const string Flags = "frqaxlmekh";

    public static JournalctlOptions? Parse(IReadOnlyList<string> args, DateTime nowUtc, out string error)
    {
        var o = new JournalctlOptions();
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                var name = eq > 0 ? a[2..eq] : a[2..];
                var inline = eq > 0 ? a[(eq + 1)..] : null;
                var handled = JournalctlOptionTable.Long(o, name, inline, Next, args, ref i, nowUtc, out error);
                if (handled is null) return null;
                if (handled == false)
                {
                    error = $"journalctl: unrecognized option '--{name}'";
                    return null;
                }
                continue;
            }
            if (a.Length > 1 && a[0] == '-')
            {
                for (var k = 1; k < a.Length; k++)
                {
                    var c = a[k];
                    var rest = k + 1 < a.Length ? a[(k + 1)..] : null;
                    if (Required.Contains(c))
                    {
                        var value = rest ?? Next();
                        if (value is null)
                        {
                            error = $"journalctl: option requires an argument -- '{c}'";
                            return null;
                        }
                        if (JournalctlOptionTable.Apply(o, c.ToString(), value, nowUtc, out error) is false)
                            return null;
                        break;
                    }
                    if (c is 'n' or 'b')
                    {
                        var value = rest ?? Optional(c, args, ref i);
                        if (JournalctlOptionTable.Apply(o, c.ToString(), value, nowUtc, out error) is false)
                            return null;
                        break;
                    }
                    if (!Flags.Contains(c))
                    {
                        error = $"journalctl: invalid option -- '{c}'";
                        return null;
                    }
                    JournalctlOptionTable.Apply(o, c.ToString(), null, nowUtc, out _);
                }
                continue;
            }
            var sep = a.IndexOf('=');
            if (sep <= 0)
            {
                error = $"Failed to add match '{a}': Invalid argument";
                return null;
            }
            o.Matches.Add(new(a[..sep], a[(sep + 1)..]));
        }
        return o;
    }

    /// <summary>
    /// The value of <c>-n</c>/<c>-b</c> from the next word, when that word looks like one (then consumed).
    /// </summary>
    internal static string? Optional(char option, IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count) return null;
        var next = args[i + 1];
        var looks = option == 'n'
            ? next == "all" || long.TryParse(next.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture,
                out _)
            : next == "all" || int.TryParse(next, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
              || (next.Replace("-", "").Length == 32 && next.Replace("-", "").All(char.IsAsciiHexDigit));
        if (!looks) return null;
        i++;
        return next;
    }
}
