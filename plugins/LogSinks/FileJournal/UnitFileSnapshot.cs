namespace Platform.LogSinks.FileJournal;

/// <summary>
/// A unit's journal files opened at one moment, oldest first by serial. Files are opened newest name first
/// (<c>UNIT.journal</c>, then <c>.1</c>, <c>.2</c> ...): rotation only moves files to higher numbers, so opening in
/// that order cannot step over one; a file seen under two names is read once. Should the serials still show a gap
/// (a rotation raced the listing), the snapshot is taken again.
/// </summary>
internal sealed class UnitFileSnapshot : IDisposable
{
    private UnitFileSnapshot(List<JournalFileReader> files) => Files = files;

    public IReadOnlyList<JournalFileReader> Files { get; }

    public static UnitFileSnapshot Open(string directory, string escapedUnit)
    {
        for (var attempt = 0; ; attempt++)
        {
            var bySerial = new SortedDictionary<ulong, JournalFileReader>();
            foreach (var path in JournalFileNames.Files(directory, escapedUnit))
            {
                if (JournalFileReader.Open(path) is not { } reader) continue;
                if (!bySerial.TryAdd(reader.Serial, reader)) reader.Dispose();
            }
            var files = bySerial.Values.ToList();
            if (attempt >= 5 || Contiguous(files)) return new UnitFileSnapshot(files);
            foreach (var f in files) f.Dispose();
        }
    }

    private static bool Contiguous(List<JournalFileReader> files)
    {
        for (var i = 1; i < files.Count; i++)
            if (files[i].Serial != files[i - 1].Serial + 1) return false;
        return true;
    }

    public void Dispose()
    {
        foreach (var f in Files) f.Dispose();
    }
}
