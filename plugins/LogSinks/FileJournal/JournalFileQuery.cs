using Platform.Abstractions;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// The reading side of the file sink: whole reads merged by time across units, and following by position.
/// </summary>
internal sealed class JournalFileQuery
{
    /// <summary>
    /// At most this many records per unit come back from one <see cref="ReadAfter"/> call; the rest on the next.
    /// </summary>
    public const int FollowBatch = 10_000;

    private readonly string _directory;
    private readonly Dictionary<string, int> _damaged = new(StringComparer.Ordinal);

    public JournalFileQuery(string directory) => _directory = directory;

    /// <summary>Damaged stretches skipped so far, by file.</summary>
    public IReadOnlyDictionary<string, int> Damaged => _damaged;

    /// <summary>Records rotation deleted before the unit's oldest kept file.</summary>
    public long RotatedAway(string unit)
    {
        using var snapshot = UnitFileSnapshot.Open(_directory, JournalFileNames.Escape(unit));
        // Each new file carries the count as of its creation, when rotation deletes: the newest has the total.
        return snapshot.Files.Count == 0 ? 0 : (long)Math.Min(snapshot.Files[^1].RotatedAway, long.MaxValue);
    }

    /// <summary>Verifies every journal file in the folder (see <see cref="JournalVerifier"/>).</summary>
    public bool Verify(Action<string> report)
    {
        var ok = true;
        string[] files;
        try { files = Directory.GetFiles(_directory); }
        catch (DirectoryNotFoundException) { return true; }
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || !name.Contains(".journal", StringComparison.Ordinal)) continue;
            if (JournalVerifier.Verify(file, report) is { } why)
            {
                report($"FAIL: {file} ({why})");
                ok = false;
            }
            else report($"PASS: {file}");
        }
        return ok;
    }

    private void Count(JournalFileReader file)
    {
        if (file.Damaged == 0) return;
        _damaged[file.Path] = file.Damaged;
    }

    public IEnumerable<LogRecord> Read(LogQuery query)
    {
        var units = UnitsOf(query);
        if (units.Count == 1) return ReadUnit(units[0], query);
        var sources = new List<IEnumerable<LogRecord>>(units.Count);
        foreach (var unit in units) sources.Add(ReadUnit(unit, query));
        return TimeMerge.Merge(sources);
    }

    public FilePosition Tail(LogQuery query)
    {
        var position = new FilePosition();
        foreach (var unit in UnitsOf(query))
        {
            using var snapshot = UnitFileSnapshot.Open(_directory, unit);
            if (snapshot.Files.Count == 0) continue;
            var newest = snapshot.Files[^1];
            while (newest.Next(out _)) { }
            position.Units[unit] = (newest.Serial, newest.Position);
        }
        return position;
    }

    public IReadOnlyList<LogRecord> ReadAfter(LogQuery query, FilePosition from, out FilePosition next)
    {
        next = new FilePosition();
        var perUnit = new List<IEnumerable<LogRecord>>();
        foreach (var unit in UnitsOf(query))
        {
            var known = from.Units.TryGetValue(unit, out var at);
            // The common case while following: nothing new. One open and one stat tell, without listing files.
            if (known && Unchanged(unit, at))
            {
                next.Units[unit] = at;
                continue;
            }
            var found = new List<LogRecord>();
            using var snapshot = UnitFileSnapshot.Open(_directory, unit);
            var decoder = new RecordDecoder();
            (ulong, long) reached = known ? at : (0UL, 0L);
            foreach (var file in snapshot.Files)
            {
                if (known && file.Serial < at.Serial) continue;
                if (known && file.Serial == at.Serial) file.Position = at.Offset;
                while (found.Count < FollowBatch && file.Next(query, decoder, out var record))
                    if (record is not null) found.Add(record);
                reached = (file.Serial, file.Position);
                Count(file);
                if (found.Count >= FollowBatch) break;
            }
            if (reached.Item1 != 0) next.Units[unit] = reached;
            if (found.Count > 0) perUnit.Add(found);
        }
        return perUnit.Count switch
        {
            0 => [],
            1 => (IReadOnlyList<LogRecord>)perUnit[0],
            _ => [.. TimeMerge.Merge(perUnit)],
        };
    }

    private bool Unchanged(string unit, (ulong Serial, long Offset) at)
    {
        using var active = JournalFileReader.Open(JournalFileNames.Active(_directory, unit));
        return active is not null && active.Serial == at.Serial && active.Length == at.Offset;
    }

    private IEnumerable<LogRecord> ReadUnit(string unit, LogQuery query)
    {
        using var snapshot = UnitFileSnapshot.Open(_directory, unit);
        var decoder = new RecordDecoder();
        foreach (var file in snapshot.Files)
        {
            // Files that end before the wanted time need not be read at all.
            if (query.SinceUsec is { } since && file.NewestRealtime() is { } newest && newest < since) continue;
            while (file.Next(query, decoder, out var record))
                if (record is not null) yield return record;
            Count(file);
        }
    }

    private IReadOnlyList<string> UnitsOf(LogQuery query)
    {
        if (query.Units.Count == 0) return JournalFileNames.Units(_directory);
        var units = new List<string>(query.Units.Count);
        foreach (var u in query.Units)
        {
            var escaped = JournalFileNames.Escape(u);
            if (!units.Contains(escaped)) units.Add(escaped);
        }
        return units;
    }
}
