using Microsoft.Win32.SafeHandles;
using Platform.Abstractions;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Reads one journal file front to back through an open handle, so renames by rotation do not disturb it. Skips a
/// damaged record to the next intact one (counted in <see cref="Damaged"/>); stops (without error) at the end of the
/// intact records: a record still being written is read on a later call.
/// </summary>
internal sealed class JournalFileReader : IDisposable
{
    private const int ChunkSize = 256 * 1024;

    private readonly SafeFileHandle _handle;
    // Allocated on the first read: a snapshot opens every file of a unit but may read only the newest.
    private byte[] _chunk = [];
    private long _chunkOffset;
    private int _chunkLength;

    private JournalFileReader(SafeFileHandle handle, ulong serial, ulong rotatedAway, string path)
    {
        _handle = handle;
        Serial = serial;
        RotatedAway = rotatedAway;
        Path = path;
        Position = JournalFileFormat.HeaderSize;
    }

    public ulong Serial { get; }

    /// <summary>Records rotation deleted before this file (from its header).</summary>
    public ulong RotatedAway { get; }

    /// <summary>Damaged stretches skipped so far (each one or more records lost).</summary>
    public int Damaged { get; private set; }
    public string Path { get; }

    /// <summary>The file's current size.</summary>
    public long Length => RandomAccess.GetLength(_handle);

    /// <summary>Offset of the next record.</summary>
    public long Position { get; set; }

    /// <summary>Opens <paramref name="path"/>; null when it is missing or not a journal file.</summary>
    public static JournalFileReader? Open(string path)
    {
        SafeFileHandle handle;
        try
        {
            handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        Span<byte> header = stackalloc byte[JournalFileFormat.HeaderSize];
        var n = RandomAccess.Read(handle, header, 0);
        if (JournalFileFormat.ReadHeader(header[..n]) is not { } serial)
        {
            handle.Dispose();
            return null;
        }
        return new JournalFileReader(handle, serial, JournalFileFormat.RotatedAway(header), path);
    }

    /// <summary>
    /// Advances past the next intact record. Returns false at the end of intact data; otherwise
    /// <paramref name="body"/> is the record body, valid until the next call.
    /// </summary>
    public bool Next(out ReadOnlySpan<byte> body)
    {
        while (true)
        {
            body = default;
            var start = (int)(Position - _chunkOffset);
            if (start < 0 || start + 4 > _chunkLength)
            {
                if (!Fill(4)) return false;
                start = 0;
            }
            var size = JournalFileFormat.Validate(_chunk.AsSpan(start, _chunkLength - start), out var bodyLength);
            if (size == 0)
            {
                Fill(bodyLength + JournalFileFormat.RecordOverhead);
                start = 0;
                size = JournalFileFormat.Validate(_chunk.AsSpan(0, _chunkLength), out bodyLength);
            }
            if (size > 0)
            {
                body = _chunk.AsSpan(start + 4, bodyLength);
                Position += size;
                return true;
            }
            // Damaged, or incomplete up to the end of the file: only an intact record further on tells the two apart.
            // Still incomplete, the chunk holds all the file had at that read, so look there: a fresh read could find
            // this record completed meanwhile with another after it, and skip it as damage (a lost line).
            if (size == 0 ? !ResynchroniseInChunk() : !Resynchronise()) return false;
            Damaged++;
        }
    }

    /// <summary>
    /// Moves <see cref="Position"/> to the next intact record after a damaged one; false (Position kept) when there is
    /// none, i.e. what follows is a record still being written or a torn tail.
    /// </summary>
    private bool Resynchronise()
    {
        var from = Position + 1;
        var length = Length;
        if (from >= length) return false;
        var rest = new byte[length - from];
        var n = 0;
        while (n < rest.Length)
        {
            var r = RandomAccess.Read(_handle, rest.AsSpan(n), from + n);
            if (r <= 0) break;
            n += r;
        }
        return MoveToIntact(rest.AsSpan(0, n), from);
    }

    /// <summary>
    /// <see cref="Resynchronise"/> within the bytes of the last <see cref="Fill"/>, which ended at the end of the file.
    /// </summary>
    private bool ResynchroniseInChunk()
        => _chunkLength > 1 && MoveToIntact(_chunk.AsSpan(1, _chunkLength - 1), _chunkOffset + 1);

    /// <summary>Moves <see cref="Position"/> to the first intact record in <paramref name="data"/>, if any.</summary>
    private bool MoveToIntact(ReadOnlySpan<byte> data, long offset)
    {
        for (var i = 0; i + JournalFileFormat.RecordOverhead + JournalFileFormat.FixedBodySize <= data.Length; i++)
        {
            if (JournalFileFormat.Validate(data[i..], out _) <= 0) continue;
            Position = offset + i;
            _chunkLength = 0;
            return true;
        }
        return false;
    }

    /// <summary>Reads the next record that passes <paramref name="query"/>; false at the end of intact data.</summary>
    public bool Next(LogQuery query, RecordDecoder decoder, out LogRecord? record)
    {
        record = null;
        if (!Next(out var body)) return false;
        if (RecordDecoder.Matches(body, query)) record = decoder.Decode(body);
        return true;
    }

    /// <summary>
    /// The time of the file's last record, read backwards through the trailing length (no scan); null when the tail
    /// is not an intact record (being written, or torn), in which case callers must read the file.
    /// </summary>
    public long? NewestRealtime()
    {
        var length = Length;
        Span<byte> trailer = stackalloc byte[4];
        if (length < JournalFileFormat.HeaderSize + JournalFileFormat.RecordOverhead + JournalFileFormat.FixedBodySize
            || RandomAccess.Read(_handle, trailer, length - 4) != 4) return null;
        var n = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(trailer);
        var start = length - n - JournalFileFormat.RecordOverhead;
        if (n < JournalFileFormat.FixedBodySize || n > JournalFileFormat.MaxBody
            || start < JournalFileFormat.HeaderSize) return null;
        var record = new byte[n + JournalFileFormat.RecordOverhead];
        if (RandomAccess.Read(_handle, record, start) != record.Length) return null;
        if (JournalFileFormat.Validate(record, out _) != record.Length) return null;
        return RecordDecoder.Realtime(record.AsSpan(4));
    }

    /// <summary>
    /// Re-reads from <see cref="Position"/>, keeping at least <paramref name="need"/> bytes if the file has them.
    /// </summary>
    private bool Fill(int need)
    {
        if (need > _chunk.Length) _chunk = new byte[Math.Max(need, ChunkSize)];
        _chunkOffset = Position;
        _chunkLength = 0;
        while (_chunkLength < _chunk.Length)
        {
            var n = RandomAccess.Read(_handle, _chunk.AsSpan(_chunkLength), _chunkOffset + _chunkLength);
            if (n <= 0) break;
            _chunkLength += n;
        }
        return _chunkLength >= Math.Min(need, 4) && _chunkLength >= 4;
    }

    public void Dispose() => _handle.Dispose();
}
