namespace Platform.LogSinks.FileJournal;

/// <summary>
/// A unit's journal files opened at one moment, oldest first by serial. A rotation while the folder is listed and
/// the files are opened renames files under our feet (a listed name may then hold a newer file, and the oldest file
/// may have moved to a name not listed), so the snapshot only counts when the active file's serial (which each
/// rotation bumps) is the same before and after; otherwise it is taken again. A file seen under two names is read once.
/// </summary>
internal sealed class UnitFileSnapshot : IDisposable
{
    private const int Attempts = 20;

    private UnitFileSnapshot(List<JournalFileReader> files) => Files = files;

    public IReadOnlyList<JournalFileReader> Files { get; }

    public static UnitFileSnapshot Open(string directory, string escapedUnit)
    {
        var active = JournalFileNames.Active(directory, escapedUnit);
        for (var attempt = 1; ; attempt++)
        {
            var before = ActiveSerial(active);
            var bySerial = new SortedDictionary<ulong, JournalFileReader>();
            foreach (var path in JournalFileNames.Files(directory, escapedUnit))
            {
                if (JournalFileReader.Open(path) is not { } reader) continue;
                if (!bySerial.TryAdd(reader.Serial, reader)) reader.Dispose();
            }
            var files = new List<JournalFileReader>(bySerial.Values);
            var stable = before == ActiveSerial(active) && (before is not null || files.Count == 0);
            if (attempt >= Attempts || (stable && Contiguous(files))) return new UnitFileSnapshot(files);
            foreach (var f in files) f.Dispose();
            // The writer is between renaming the active file and creating the next one: give it a moment.
            Thread.Sleep(attempt);
        }
    }

    private static ulong? ActiveSerial(string path)
    {
        using var reader = JournalFileReader.Open(path);
        return reader?.Serial;
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
