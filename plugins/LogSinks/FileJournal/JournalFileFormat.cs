using System.Buffers.Binary;
using System.Numerics;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Layout of a per-unit journal file (all integers little-endian):
/// <code>
/// header  := "PLJRNL01" | u64 serial | i64 created-µs | u64 rotated-away      (32 bytes)
/// record  := u32 n | body (n bytes) | u32 crc32c(body) | u32 n
/// body    := u8 version=1 | u8 priority | u16 0 | i32 pid | i64 realtime-µs | i64 monotonic-µs | 16 boot-id
/// | { u8 tag | u32 length | bytes }* tags: 1 unit, 2 identifier, 3 hostname, 4 stream, 5 message, 6 "NAME=VALUE"
/// </code>
/// Files are only appended to. A record that fails its checks costs only itself: readers resynchronise on the next
/// intact record (the leading and trailing lengths and the checksum must all agree) and count the damage; an
/// incomplete record with nothing intact after it is a record being written or the torn tail of a crash, where
/// readers stop and which the writer cuts off when it reopens the file. The reserved header bytes hold the number
/// of records that rotation deleted before this file (u64), so readers can say how many lines were rotated away.
/// The serial grows by one per new file of a unit, so readers order rotated files without trusting their names.
/// </summary>
internal static class JournalFileFormat
{
    public const int HeaderSize = 32;
    public const int FixedBodySize = 40;
    public const int RecordOverhead = 12;
    public const int MaxBody = 64 << 20;
    public const byte Version = 1;

    public const byte TagUnit = 1, TagIdentifier = 2, TagHostname = 3, TagStream = 4, TagMessage = 5, TagField = 6;

    public static ReadOnlySpan<byte> Magic => "PLJRNL01"u8;

    public static void WriteHeader(Span<byte> destination, ulong serial, long createdUsec, ulong rotatedAway = 0)
    {
        destination[..HeaderSize].Clear();
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], serial);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], createdUsec);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], rotatedAway);
    }

    /// <summary>Records deleted by rotation before the file with this header (0 in files of older writers).</summary>
    public static ulong RotatedAway(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);

    /// <summary>The serial of a file header, or null when the bytes are not one.</summary>
    public static ulong? ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic)) return null;
        return BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
    }

    /// <summary>
    /// Checks the record starting at <paramref name="data"/>: its total length when complete and intact, 0 when more
    /// bytes are needed to tell (length says so), -1 when it is damaged.
    /// </summary>
    public static int Validate(ReadOnlySpan<byte> data, out int bodyLength)
    {
        bodyLength = 0;
        if (data.Length < 4) return 0;
        var n = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (n < FixedBodySize || n > MaxBody) return -1;
        bodyLength = n;
        var total = n + RecordOverhead;
        if (data.Length < total) return 0;
        var body = data.Slice(4, n);
        // The cheap checks first: a resynchronising reader tries this at every offset of a damaged stretch.
        if (BinaryPrimitives.ReadInt32LittleEndian(data[(8 + n)..]) != n || body[0] != Version) return -1;
        if (BinaryPrimitives.ReadUInt32LittleEndian(data[(4 + n)..]) != Checksum(body)) return -1;
        return total;
    }

    /// <summary>CRC-32C, hardware-accelerated where the CPU has it.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
