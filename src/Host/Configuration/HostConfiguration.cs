using Platform.Abstractions;

namespace Platform.Host.Configuration;

/// <summary>
/// The host's own settings: <c>ROOT/etc/platform/systemctl.conf</c> (<c>Key=Value</c> lines, <c>#</c>/<c>;</c>
/// comments, keys case-insensitive, later lines win), then <c>-c NAME=VALUE</c> overrides on top.
/// A missing file means defaults; a bad line is reported once (file:line) and ignored.
/// Settings of one plugin are <c>FAMILY.NAME.KEY=VALUE</c>, e.g. <c>StatusStore.sqlite.Path=/x</c>.
/// </summary>
public sealed class HostConfiguration
{
    /// <summary>The configuration file, relative to the root (<c>/</c> or <c>--root</c>).</summary>
    public const string RelativePath = "etc/platform/systemctl.conf";


    private readonly Dictionary<string, string> _values;

    internal HostConfiguration(string filePath, Dictionary<string, string> values)
    {
        FilePath = filePath;
        _values = values;
    }

    /// <summary>The file the settings were read from (it may not exist).</summary>
    public string FilePath { get; }

    /// <summary>
    /// Reads <c>ROOT/etc/platform/systemctl.conf</c> (if present), then applies <paramref name="overrides"/>
    /// (<c>NAME=VALUE</c>, from <c>-c</c>).
    /// </summary>
    public static HostConfiguration Load(string root, IReadOnlyList<string>? overrides, Action<string> warn)
    {
        var path = Path.Join(root, RelativePath);
        string? text = null;
        // Checked first because a thrown exception costs more at start-up than reading the file.
        try { if (File.Exists(path)) text = File.ReadAllText(path); }
        catch (FileNotFoundException) { }
        catch (DirectoryNotFoundException) { }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"systemctl: {path}: cannot read: {ErrorText.Describe(e)}");
        }
        return Parse(text, path, overrides, warn);
    }

    /// <summary>
    /// Builds the configuration from file text (null: no file) named <paramref name="path"/> in warnings, then
    /// overrides.
    /// </summary>
    public static HostConfiguration Parse(string? text, string path, IReadOnlyList<string>? overrides,
        Action<string> warn)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (text is not null)
        {
            var lineNumber = 0;
            foreach (var raw in text.Split('\n'))
            {
                lineNumber++;
                var line = raw.Trim();
                // systemd's own *.conf files carry [Section] headers; accept them so copied files still work.
                if (line.Length == 0 || line[0] is '#' or ';' || (line[0] == '[' && line[^1] == ']')) continue;
                var problem = Assign(values, line);
                if (problem is not null) warn($"systemctl: {path}:{lineNumber}: {problem}, line ignored");
            }
        }
        if (overrides is not null)
            foreach (var assignment in overrides)
            {
                var problem = Assign(values, assignment.Trim());
                if (problem is not null) warn($"systemctl: -c {assignment}: {problem}, ignored");
            }
        return new HostConfiguration(path, values);
    }

    private static string? Assign(Dictionary<string, string> values, string line)
    {
        var eq = line.IndexOf('=');
        if (eq < 0) return "expected Key=Value";
        var key = line[..eq].Trim();
        if (key.Length == 0) return "empty key";
        var value = line[(eq + 1)..].Trim();
        if (IsTimeoutKey(key) && value.Length > 0 && !SystemdValues.TryParseTimeSpan(value, out _))
            return $"invalid time span for {key}";
        values[key] = value;
        return null;
    }

    private static bool IsTimeoutKey(string key)
        => key.Equals("DefaultTimeoutStartSec", StringComparison.OrdinalIgnoreCase)
        || key.Equals("DefaultTimeoutStopSec", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a key (case-insensitive) as last assigned, or null when never assigned.</summary>
    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// The settings below <paramref name="prefix"/> (e.g. <c>StatusStore.sqlite</c>) with the prefix and its dot
    /// removed: <c>StatusStore.sqlite.Path=/x</c> gives <c>{ Path: /x }</c>. Lookups in the result are
    /// case-insensitive.
    /// </summary>
    public IReadOnlyDictionary<string, string> GetSection(string prefix)
    {
        var withDot = prefix.EndsWith('.') ? prefix : prefix + ".";
        var section = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _values)
            if (key.Length > withDot.Length && key.StartsWith(withDot, StringComparison.OrdinalIgnoreCase))
                section[key[withDot.Length..]] = value;
        return section;
    }

    /// <summary>
    /// The settings of one plugin: <c>GetSection(family + "." + name)</c>, e.g. <c>("LogSink", "fifo")</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> GetSection(string family, string name) =>
        GetSection(family + "." + name);

    /// <summary><c>StatusStore=</c>: the status store export to use (default <c>json</c>).</summary>
    public string StatusStore => NonEmpty("StatusStore") ?? "json";

    /// <summary><c>NotifyTransport=</c>: the notify transport export to use (default <c>unix</c>).</summary>
    public string NotifyTransport => NonEmpty("NotifyTransport") ?? "unix";

    /// <summary>
    /// <c>LogSinks=</c>: log sink exports, comma- or space-separated (default <c>file</c>; an empty value means none).
    /// </summary>
    public IReadOnlyList<string> LogSinks
        => Get("LogSinks") is { } value ? value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            : ["file"];

    /// <summary>
    /// <c>PluginPath=</c>: extra plugin folders, colon-separated, relative to the root (default none).
    /// </summary>
    public IReadOnlyList<string> PluginPath
        => Get("PluginPath") is { } value ? value.Split(':',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>
    /// <c>DefaultTimeoutStartSec=</c> in systemd time syntax (default 90 s; <c>infinity</c> allowed).
    /// </summary>
    public TimeSpan DefaultTimeoutStartSec => Timeout("DefaultTimeoutStartSec");

    /// <summary><c>DefaultTimeoutStopSec=</c> in systemd time syntax (default 90 s; <c>infinity</c> allowed).</summary>
    public TimeSpan DefaultTimeoutStopSec => Timeout("DefaultTimeoutStopSec");

    /// <summary>
    /// <c>LogLevel=</c>: the highest priority of the manager's own journal lines that are written, by name or number,
    /// as systemd-system.conf(5) has it (default <c>info</c>: "Starting x...", "Started x." and up).
    /// </summary>
    public int LogLevel =>
        NonEmpty("LogLevel") is { } text && Platform.Journal.Journalctl.PriorityNames.Level(text) is { } level
        ? level : 6;

    /// <summary>
    /// <c>GeneratorTimeoutSec=</c>: the time all unit generators together may take (default 90 s, as systemd's).
    /// </summary>
    public TimeSpan GeneratorTimeout => Timeout("GeneratorTimeoutSec");

    /// <summary>
    /// <c>Generators=</c>: <c>auto</c> (default; see <see cref="Generators.GeneratorPolicy"/>), <c>yes</c> (also for
    /// <c>daemon-reload</c> on a <c>--root</c> that no init runs), <c>no</c> (never, not even at boot).
    /// </summary>
    public string Generators => NonEmpty("Generators")?.ToLowerInvariant() ?? "auto";

    private TimeSpan Timeout(string key)
        => SystemdValues.TryParseTimeSpan(NonEmpty(key), out var value) ? value : SystemdValues.DefaultTimeout;

    private string? NonEmpty(string key) => Get(key) is { Length: > 0 } value ? value : null;
}
