using System.Globalization;

namespace Platform.LogSinks.Common;

/// <summary>
/// Reads a sink's settings (<c>LogSink.NAME.KEY=VALUE</c> with the prefix removed), case-insensitively.
/// </summary>
internal sealed class SinkSettings
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _sink;

    public SinkSettings(string sink, IReadOnlyDictionary<string, string> values)
    {
        _sink = sink;
        _values = values;
    }

    public string? Get(string key)
    {
        if (_values.TryGetValue(key, out var v)) return v;
        foreach (var (k, value) in _values)
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    /// <summary>
    /// A byte size such as <c>8M</c>, <c>512K</c>, <c>1G</c> or plain bytes (powers of 1024, as journald.conf).
    /// </summary>
    public long Size(string key, long fallback, Action<string> warn)
    {
        var text = Get(key)?.Trim();
        if (string.IsNullOrEmpty(text)) return fallback;
        var multiplier = char.ToUpperInvariant(text[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30,
            _ => 1L };
        var digits = multiplier == 1 ? text : text[..^1];
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            && n <= long.MaxValue / multiplier)
            return n * multiplier;
        warn($"log sink {_sink}: invalid size {key}={text}, using {fallback}");
        return fallback;
    }

    public int Int(string key, int fallback, int min, Action<string> warn)
    {
        var text = Get(key)?.Trim();
        if (string.IsNullOrEmpty(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        warn($"log sink {_sink}: invalid number {key}={text}, using {fallback}");
        return fallback;
    }

    /// <summary>A root-relative path setting resolved under <paramref name="root"/>.</summary>
    public static string UnderRoot(string root, string path) => Path.Join(root, path.TrimStart('/'));
}
