using System.Buffers.Binary;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// <c>journalctl --verify</c> for one journal file: the header, then every record from the first to the end of the
/// file with its lengths and checksum; anything else (a damaged stretch, a torn tail) fails the file, described
/// with the offset where it starts, as systemd's verifier names the offset of a bad object.
/// </summary>
internal static class JournalVerifier
{
    /// <summary>Null when the file is intact, else why not.</summary>
    public static string? Verify(string path, Action<string> detail)
    {
        byte[] data;
        try { data = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Platform.Abstractions.ErrorText.Describe(e);
        }
        if (JournalFileFormat.ReadHeader(data) is null) return "Bad message: not a journal file header";
        var at = JournalFileFormat.HeaderSize;
        string? first = null;
        var records = 0;
        while (at < data.Length)
        {
            var size = JournalFileFormat.Validate(data.AsSpan(at), out _);
            if (size > 0)
            {
                at += size;
                records++;
                continue;
            }
            var next = NextIntact(data, at + 1);
            var what = next < 0 ? $"{data.Length - at} bytes of an incomplete record at the end"
                : $"damaged record, {next - at} bytes skipped";
            detail($"{at:x6}: {what}");
            first ??= $"Bad message: {what} at offset {at}";
            if (next < 0) break;
            at = next;
        }
        _ = records;
        return first;
    }

    private static int NextIntact(byte[] data, int from)
    {
        for (var i = from; i + JournalFileFormat.RecordOverhead + JournalFileFormat.FixedBodySize <= data.Length; i++)
        {
            // Only offsets whose leading length could be a record are worth a full check.
            var n = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i));
            if (n < JournalFileFormat.FixedBodySize || n > data.Length - i - JournalFileFormat.RecordOverhead) continue;
            if (JournalFileFormat.Validate(data.AsSpan(i), out _) > 0) return i;
        }
        return -1;
    }
}
