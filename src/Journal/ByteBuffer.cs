using System.Buffers.Text;
using System.Text;

namespace Platform.Journal;

/// <summary>
/// A growable byte array that journal records are formatted and encoded into without per-call allocations; shared
/// by journalctl and the log sinks.
/// </summary>
public sealed class ByteBuffer
{
    private byte[] _data;

    /// <summary>An empty buffer that first holds <paramref name="capacity"/> bytes.</summary>
    public ByteBuffer(int capacity = 4096) => _data = new byte[capacity];

    /// <summary>The bytes appended since the last <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    /// <summary>The appended bytes.</summary>
    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    /// <summary>The backing array (the first <see cref="Length"/> bytes are used); replaced when it grows.</summary>
    public byte[] Array => _data;

    /// <summary>Empties the buffer, keeping its capacity.</summary>
    public void Clear() => Length = 0;

    /// <summary>Appends one byte.</summary>
    public void Append(byte b)
    {
        Ensure(1);
        _data[Length++] = b;
    }

    /// <summary>Appends bytes.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends text as UTF-8.</summary>
    public void Append(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _data.AsSpan(Length));
    }

    /// <summary>Appends a number in decimal digits.</summary>
    public void Append(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _data.AsSpan(Length), out var written);
        Length += written;
    }

    /// <summary>Appends <paramref name="value"/> zero-padded to <paramref name="digits"/> digits.</summary>
    public void Append(long value, int digits)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _data.AsSpan(Length), out var written,
            new System.Buffers.StandardFormat('D', (byte)digits));
        Length += written;
    }

    /// <summary>Appends <paramref name="count"/> spaces.</summary>
    public void Spaces(int count)
    {
        Ensure(count);
        _data.AsSpan(Length, count).Fill((byte)' ');
        Length += count;
    }

    private void Ensure(int more)
    {
        if (Length + more <= _data.Length) return;
        System.Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + more));
    }
}
