using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>One journalctl run: which records qualify, how they print, and the follow loop.</summary>
internal sealed class JournalctlSession
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly JournalctlOptions _options;
    private readonly ILogReader _reader;
    private readonly OutputTarget _out;
    private readonly EntryPrinter _printer;
    private readonly EntryFilter _filter;
    private readonly LogQuery _query;

    public JournalctlSession(JournalctlOptions options, ILogReader reader, OutputTarget output)
    {
        _options = options;
        _reader = reader;
        _out = output;
        _printer = new EntryPrinter(options, output);
        _filter = new EntryFilter(options);
        _query = _filter.Query;
    }

    /// <summary>Prints the matching entries once; "-- No entries --" when there are none.</summary>
    public int Show()
    {
        RotationMarker();
        foreach (var record in Initial()) _printer.Print(record);
        if (_printer.Shown == 0 && !_options.Quiet) _out.Write("-- No entries --\n");
        _out.Flush();
        return 0;
    }

    /// <summary>
    /// A listing from the start of the named units' journals says when rotation deleted their oldest lines, so a
    /// reader knows the history is not complete (the files keep the count in their headers).
    /// </summary>
    private void RotationMarker()
    {
        if (_options.Quiet || _options.Lines is not null || _options.SinceUsec is not null || _options.Reverse
            || _reader is not ILogReaderHealth health || _query.Units.Count == 0) return;
        long lost = 0;
        foreach (var unit in _query.Units) lost += health.RotatedAway(unit);
        if (lost > 0) _out.Write($"-- {lost} lines rotated away --\n");
    }

    /// <summary>Prints the newest entries (10 unless -n), then new ones as they arrive, until cancelled.</summary>
    public int Follow(CancellationToken cancel)
    {
        if (!_options.AllLines) _options.Lines ??= 10;
        var position = _reader.Tail(_query);
        var initial = Initial();
        var printed = new HashSet<(string, long, long, int, int)>();
        var newestShown = long.MinValue;
        foreach (var record in initial)
        {
            _printer.Print(record);
            printed.Add(Identity(record));
            newestShown = Math.Max(newestShown, record.RealtimeUsec);
        }
        _out.Flush();
        var first = true;
        while (!cancel.IsCancellationRequested)
        {
            var batch = _reader.ReadAfter(_query, ref position);
            foreach (var record in batch)
            {
                if (!_filter.Accepts(record)) continue;
                // Entries written between taking the position and reading the newest are in the first batch: printed
                // already, or (more than -n of them on a busy machine) older than those printed, so not new either.
                if (first && (printed.Contains(Identity(record)) || record.RealtimeUsec < newestShown)) continue;
                _printer.Print(record);
            }
            first = false;
            _out.Flush();
            if (batch.Count == 0) cancel.WaitHandle.WaitOne(PollInterval);
        }
        return 0;
    }

    private IEnumerable<LogRecord> Initial()
    {
        var lines = _options.Lines;
        if (lines == 0) return [];
        _filter.ResolveBoot(_reader);
        var source = _filter.Apply(_reader.Read(_query));
        if (lines is null)
        {
            if (!_options.Reverse) return source;
            var all = source.ToList();
            all.Reverse();
            return all;
        }
        // Boot and kernel selections look at everything; plain -n reads recent windows first.
        var newest = _options.Boot is not null || _options.Kernel
            ? [.. source.TakeLast(lines.Value)]
            : NewestEntries.Read(_reader, _query, lines.Value, _filter.Accepts);
        if (_options.Reverse) newest.Reverse();
        return newest;
    }

    private static (string, long, long, int, int) Identity(LogRecord r)
        => (r.Unit, r.RealtimeUsec, r.MonotonicUsec, r.Pid, r.Message.Length);
}
