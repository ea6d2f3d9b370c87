using System.Text;

namespace Platform.Interop;

/// <summary>
/// struct sockaddr_un: 2 bytes of family, then sun_path (108 bytes). A name with a leading <c>@</c> is an abstract
/// address (a NUL in place of the <c>@</c>, not terminated, its length exact); a path carries its NUL.
/// </summary>
internal static class UnixAddress
{
    public const int Size = 110;

    /// <summary>Longest path that still fits sun_path with its NUL terminator.</summary>
    public const int MaxPathBytes = Size - 3;

    /// <summary>
    /// Fills <paramref name="buffer"/> (at least <see cref="Size"/> bytes); returns the address length to pass.
    /// </summary>
    public static int Fill(Span<byte> buffer, string name)
    {
        var isAbstract = name.StartsWith('@');
        var text = isAbstract ? name.AsSpan(1) : name.AsSpan();
        var count = Encoding.UTF8.GetByteCount(text) + (isAbstract ? 1 : 0);
        if (count > MaxPathBytes)
            throw new IOException($"socket path too long for AF_UNIX ({count} bytes, at most {MaxPathBytes}): {name}");
        buffer[..Size].Clear();
        buffer[0] = LibC.AF_UNIX;
        Encoding.UTF8.GetBytes(text, buffer[(isAbstract ? 3 : 2)..]);
        return 2 + count + (isAbstract ? 0 : 1);
    }

    /// <summary>The address as an array of exactly the length to pass.</summary>
    public static byte[] Build(string name)
    {
        Span<byte> buffer = stackalloc byte[Size];
        return buffer[..Fill(buffer, name)].ToArray();
    }
}
