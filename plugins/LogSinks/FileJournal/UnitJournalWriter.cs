using Microsoft.Win32.SafeHandles;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Appends to one unit's active journal file and rotates it by size: <c>UNIT.journal</c> becomes
/// <c>UNIT.journal.1</c>, older files move up by one, and files beyond the kept count are deleted (their records are
/// counted into the new file's header, so readers can say how many lines were rotated away). A failed write (a full
/// disk) cuts what it left off and closes the file: the next write reopens it, or starts a new file with a valid
/// header when the failure left none, so nothing written after the disk has room again is hidden.
/// </summary>
internal sealed class UnitJournalWriter : IDisposable
{
    private readonly string _directory;
    private readonly string _escaped;
    private readonly long _maxFileSize;
    private readonly int _maxFiles;
    private SafeFileHandle? _handle;
    private long _length;
    private ulong _serial;
    private ulong _rotatedAway;

    public UnitJournalWriter(string directory, string escapedUnit, long maxFileSize, int maxFiles)
    {
        _directory = directory;
        _escaped = escapedUnit;
        _maxFileSize = maxFileSize;
        _maxFiles = maxFiles;
    }

    public long LastUse { get; set; }

    /// <summary>
    /// Writes whole encoded records (never split across files); rotates first when they would not fit.
    /// </summary>
    public void Write(ReadOnlySpan<byte> records)
    {
        try
        {
            if (_handle is null) OpenActive();
            if (_length > JournalFileFormat.HeaderSize && _length + records.Length > _maxFileSize) Rotate();
            RandomAccess.Write(_handle!, records, _length);
            _length += records.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Abandon();
            throw;
        }
    }

    /// <summary>The active file's path (for messages).</summary>
    public string ActivePath => JournalFileNames.Active(_directory, _escaped);

    /// <summary>After a failed write: drop the bytes it may have left past the last whole record, and close.</summary>
    private void Abandon()
    {
        if (_handle is null) return;
        try { if (RandomAccess.GetLength(_handle) > _length) RandomAccess.SetLength(_handle, _length); }
        catch (IOException) { }
        _handle.Dispose();
        _handle = null;
    }

    /// <summary>
    /// Bytes the active file can still take before it rotates (a new file takes one record of any size).
    /// </summary>
    public long Room
    {
        get
        {
            if (_handle is null) OpenActive();
            return _maxFileSize - _length;
        }
    }

    private void OpenActive()
    {
        var path = JournalFileNames.Active(_directory, _escaped);
        using (var reader = JournalFileReader.Open(path))
        {
            if (reader is not null)
            {
                // Skip to the end of the intact records; a torn tail left by a crash is cut off.
                while (reader.Next(out _)) { }
                _serial = reader.Serial;
                _rotatedAway = reader.RotatedAway;
                _length = reader.Position;
                _handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite,
                    FileShare.ReadWrite | FileShare.Delete);
                // Files written before journal files were restricted are brought in line.
                JournalFileAccess.Protect(_handle);
                if (RandomAccess.GetLength(_handle) != _length) RandomAccess.SetLength(_handle, _length);
                return;
            }
        }
        // A file too short for a header is one whose creation failed (a full disk): nothing in it to keep.
        var info = new FileInfo(path);
        if (info.Exists && info.Length >= JournalFileFormat.HeaderSize)
            System.IO.File.Move(path, path + ".damaged", overwrite: true);
        using (var newest = UnitFileSnapshot.Open(_directory, _escaped))
        {
            _serial = newest.Files.Count > 0 ? newest.Files[^1].Serial + 1 : 1;
            _rotatedAway = newest.Files.Count > 0 ? newest.Files[^1].RotatedAway : 0;
        }
        Create(path);
    }

    private void Rotate()
    {
        _handle!.Dispose();
        _handle = null;
        if (_maxFiles <= 1)
        {
            _rotatedAway += CountRecords(JournalFileNames.Active(_directory, _escaped));
            System.IO.File.Delete(JournalFileNames.Active(_directory, _escaped));
        }
        else
        {
            // Also files left over from a larger MaxFiles= earlier.
            for (var i = _maxFiles - 1; System.IO.File.Exists(JournalFileNames.Archived(_directory, _escaped, i)); i++)
            {
                _rotatedAway += CountRecords(JournalFileNames.Archived(_directory, _escaped, i));
                DeleteQuietly(JournalFileNames.Archived(_directory, _escaped, i));
            }
            for (var i = _maxFiles - 2; i >= 1; i--)
            {
                var from = JournalFileNames.Archived(_directory, _escaped, i);
                if (System.IO.File.Exists(from))
                    System.IO.File.Move(from, JournalFileNames.Archived(_directory, _escaped, i + 1), overwrite: true);
            }
            System.IO.File.Move(JournalFileNames.Active(_directory, _escaped),
                JournalFileNames.Archived(_directory, _escaped, 1), overwrite: true);
        }
        _serial++;
        Create(JournalFileNames.Active(_directory, _escaped));
    }

    private void Create(string path)
    {
        Span<byte> header = stackalloc byte[JournalFileFormat.HeaderSize];
        JournalFileFormat.WriteHeader(header, _serial, (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10,
            _rotatedAway);
        _handle = System.IO.File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite,
            FileShare.ReadWrite | FileShare.Delete);
        JournalFileAccess.Protect(_handle);
        _length = 0;
        RandomAccess.Write(_handle, header, 0);
        _length = JournalFileFormat.HeaderSize;
    }

    private static ulong CountRecords(string path)
    {
        using var reader = JournalFileReader.Open(path);
        if (reader is null) return 0;
        ulong n = 0;
        while (reader.Next(out _)) n++;
        return n;
    }

    private static void DeleteQuietly(string path)
    {
        try { System.IO.File.Delete(path); }
        catch (IOException) { }
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }
}
