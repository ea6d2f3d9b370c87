using System.Text;
using Platform.Host.Cli;
using Platform.Units;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The manager environment (<c>show-environment</c>) that systemd keeps in PID 1's memory; without a daemon it lives in
/// one file under the run folder, so it lasts until reboot as systemd's does. Two layers, as in systemd: the manager's
/// own defaults (<c>PATH</c>, the locale) and the client layer that <c>set-environment</c>/<c>import-environment</c>
/// write. A default can be overridden but not unset; unsetting the override brings the default back.
/// </summary>
internal static class ManagerEnvironment
{
    /// <summary>systemd 252's default locale when locale.conf sets nothing (its LANG=C.UTF-8 build default).</summary>
    private const string DefaultLocale = "C.UTF-8";

    private static readonly string[] LocaleVariables =
    [
        "LANG", "LANGUAGE", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER",
        "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION",
    ];

    /// <summary>The file of the client layer: one escaped <c>NAME=VALUE</c> a line, sorted.</summary>
    public static string FilePath(HostContext ctx) => Path.Join(ctx.RunDirectory, "platform", "environment");

    /// <summary>
    /// What services started now get first and <c>show-environment</c> prints: defaults, overridden in place, then the
    /// client layer.
    /// </summary>
    public static List<KeyValuePair<string, string>> Effective(HostContext ctx)
    {
        var result = Defaults(ctx);
        foreach (var (name, value) in ReadClient(ctx))
        {
            var at = result.FindIndex(p => p.Key == name);
            if (at >= 0) result[at] = new(name, value);
            else result.Add(new(name, value));
        }
        return result;
    }

    /// <summary>
    /// The transient layer of a system manager: <c>PATH</c> (the same search path services always got here, which is
    /// Debian's split-usr value systemd 252 prints) and the locale of <c>/etc/locale.conf</c> (Debian also reads
    /// <c>/etc/default/locale</c>), else <c>LANG=C.UTF-8</c>.
    /// </summary>
    public static List<KeyValuePair<string, string>> Defaults(HostContext ctx)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var file in (string[])["/etc/locale.conf", "/etc/default/locale"])
        {
            var real = ctx.Under(file);
            if (!File.Exists(real)) continue;
            try
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in UnitRepository.ReadEnvironmentFile(real))
                    if (Array.IndexOf(LocaleVariables, k) >= 0 && v.Length > 0) values[k] = v;
                // systemd's LOCALE_LOAD_SIMPLIFY: an LC_* equal to LANG says nothing more.
                var lang = values.GetValueOrDefault("LANG");
                foreach (var name in LocaleVariables)
                    if (values.TryGetValue(name, out var v) && (name == "LANG"
                        || !name.StartsWith("LC_", StringComparison.Ordinal) || v != lang))
                        list.Add(new(name, v));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (list.Count > 0) break;
        }
        if (list.Count == 0) list.Add(new("LANG", DefaultLocale));
        list.Add(new("PATH", Platform.Exec.ExecutableResolver.SearchPath));
        list.Sort(CompareAssignments);
        return list;
    }

    /// <summary>The client layer as stored; empty when nothing was ever set.</summary>
    public static List<KeyValuePair<string, string>> ReadClient(HostContext ctx)
    {
        var list = new List<KeyValuePair<string, string>>();
        string[] lines;
        try { lines = File.ReadAllLines(FilePath(ctx)); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return list; }
        foreach (var line in lines)
        {
            var eq = line.IndexOf('=');
            if (eq > 0) list.Add(new(line[..eq], Unescape(line[(eq + 1)..])));
        }
        return list;
    }

    /// <summary>
    /// systemd's SetEnvironment/UnsetEnvironment in one step: first every <paramref name="unset"/> entry (<c>NAME</c>,
    /// or <c>NAME=VALUE</c> only when the value matches), then the assignments. Serialized by a lock file and written
    /// through a temporary file and rename, so concurrent callers never lose an update or see half a file.
    /// </summary>
    public static void Modify(HostContext ctx, IReadOnlyList<string> unset,
        IReadOnlyList<KeyValuePair<string, string>> set)
    {
        var directory = Path.Join(ctx.RunDirectory, "platform");
        using var lck = UnitLock.Acquire(directory, "environment", TimeSpan.FromSeconds(30));
        var client = ReadClient(ctx);
        foreach (var entry in unset)
        {
            var eq = entry.IndexOf('=');
            if (eq < 0) client.RemoveAll(p => p.Key == entry);
            else client.RemoveAll(p => p.Key == entry[..eq] && p.Value == entry[(eq + 1)..]);
        }
        foreach (var (name, value) in set)
        {
            client.RemoveAll(p => p.Key == name);
            client.Add(new(name, value));
        }
        client.Sort(CompareAssignments);
        var sb = new StringBuilder();
        foreach (var (name, value) in client) sb.Append(name).Append('=').Append(Escape(value)).Append('\n');
        var path = FilePath(ctx);
        var temp = path + ".tmp." + Environment.ProcessId;
        File.WriteAllText(temp, sb.ToString());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>systemd sorts its environment blocks with strcmp over the whole <c>NAME=VALUE</c> string.</summary>
    private static int CompareAssignments(KeyValuePair<string, string> a, KeyValuePair<string, string> b)
        => string.CompareOrdinal(a.Key + "=" + a.Value, b.Key + "=" + b.Value);

    // Values may hold newlines; escaping backslash and newline keeps the file one assignment a line.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                sb.Append(text[++i] == 'n' ? '\n' : text[i]);
                continue;
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
