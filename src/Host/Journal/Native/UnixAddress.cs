using System.Text;

namespace Platform.Host.Journal.Native;

/// <summary>Builds a struct sockaddr_un for a filesystem path (2 bytes of family, then up to 107 path bytes and a NUL).</summary>
internal static class UnixAddress
{
    public const int Size = 110;

    /// <summary>Fills <paramref name="buffer"/> (at least <see cref="Size"/> bytes); returns the address length to pass.</summary>
    public static int Fill(Span<byte> buffer, string path)
    {
        var count = Encoding.UTF8.GetByteCount(path);
        if (count > Size - 3)
            throw new IOException($"socket path too long for AF_UNIX ({count} bytes, at most {Size - 3}): {path}");
        buffer[..Size].Clear();
        buffer[0] = JournalLibc.AF_UNIX;
        Encoding.UTF8.GetBytes(path, buffer[2..]);
        return 2 + count + 1;
    }
}
