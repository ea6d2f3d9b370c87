using System.Buffers.Text;
using System.Text;

namespace Platform.LogSinks.Common;

/// <summary>A growable byte array that encoders append to without per-call allocations.</summary>
internal sealed class ByteBuffer
{
    private byte[] _data;

    public ByteBuffer(int capacity = 4096) => _data = new byte[capacity];

    public int Length { get; private set; }
    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);
    public byte[] Array => _data;

    public void Clear() => Length = 0;

    public void Append(byte b)
    {
        Ensure(1);
        _data[Length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Append(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _data.AsSpan(Length));
    }

    public void Append(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _data.AsSpan(Length), out var written);
        Length += written;
    }

    private void Ensure(int more)
    {
        if (Length + more <= _data.Length) return;
        System.Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + more));
    }
}
