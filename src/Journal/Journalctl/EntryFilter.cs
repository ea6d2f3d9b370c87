using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>
/// Which records journalctl shows. The reader gets what it can filter itself (exact units, time, highest
/// priority); globs, the lowest priority, identifiers, FIELD=VALUE matches (same field: any; different fields: all)
/// and the boot are checked here.
/// </summary>
internal sealed class EntryFilter
{
    private readonly JournalctlOptions _options;
    private readonly bool _globs;
    private readonly Dictionary<string, List<string>> _matches = new(StringComparer.Ordinal);
    private string? _bootId;

    public EntryFilter(JournalctlOptions options)
    {
        _options = options;
        _globs = options.Units.Exists(UnitPatterns.IsGlob);
        foreach (var (field, value) in options.Matches)
        {
            if (!_matches.TryGetValue(field, out var values)) _matches[field] = values = [];
            values.Add(value);
        }
        if (options.Boot is { } boot && (boot is "" or "0" or "+0" || boot.Replace("-", "").Length == 32))
            _bootId = boot.Length >= 32 ? boot.Replace("-", "").ToLowerInvariant() : KernelBootId.Hex;
        Query = new LogQuery
        {
            Units = _globs ? [] : options.Units,
            SinceUsec = options.SinceUsec,
            UntilUsec = options.UntilUsec,
            MaxPriority = options.MaxPriority < 7 ? options.MaxPriority : null,
        };
    }

    public LogQuery Query { get; }

    public IEnumerable<LogRecord> Apply(IEnumerable<LogRecord> records)
    {
        if (_options.Kernel) yield break;
        foreach (var r in records)
            if (Accepts(r)) yield return r;
    }

    public bool Accepts(LogRecord r)
    {
        if (r.Priority < _options.MinPriority || r.Priority > _options.MaxPriority) return false;
        if (_globs && !_options.Units.Exists(p => UnitPatterns.Matches(p, r.Unit))) return false;
        if (_options.Identifiers.Count > 0 && (r.Identifier is null || !_options.Identifiers.Contains(r.Identifier)))
            return false;
        foreach (var (field, values) in _matches)
            if (EntryFields.Value(r, field) is not { } v || !values.Contains(v)) return false;
        if (_bootId is not null && r.Fields is { } f && f.TryGetValue("_BOOT_ID", out var boot) && boot != _bootId)
            return false;
        return true;
    }

    /// <summary>
    /// Turns a boot offset other than 0 (<c>-b -1</c>, <c>-b 1</c>) into a boot id by listing the boots in the journal.
    /// </summary>
    public void ResolveBoot(ILogReader reader)
    {
        if (_bootId is not null || _options.Boot is not { } text || !int.TryParse(text, out var offset)) return;
        var boots = new List<string>();
        foreach (var r in reader.Read(Query with { MaxPriority = null }))
            if (r.Fields is { } f && f.TryGetValue("_BOOT_ID", out var b) && (boots.Count == 0 || boots[^1] != b)
                && !boots.Contains(b))
                boots.Add(b);
        var index = offset > 0 ? offset - 1 : boots.Count - 1 + offset;
        // No such boot: match nothing.
        _bootId = index >= 0 && index < boots.Count ? boots[index] : "-";
    }
}
