using System.Buffers.Text;
using System.Text;

namespace Platform.Host.Journal.Journalctl;

/// <summary>A reusable byte buffer one journal entry is formatted into before it is written out.</summary>
internal sealed class OutputBuffer
{
    private byte[] _data = new byte[4096];

    public int Length { get; private set; }
    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

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

    /// <summary>Appends <paramref name="value"/> zero-padded to <paramref name="digits"/> digits.</summary>
    public void Append(long value, int digits)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _data.AsSpan(Length), out var written,
            new System.Buffers.StandardFormat('D', (byte)digits));
        Length += written;
    }

    public void Spaces(int count)
    {
        Ensure(count);
        _data.AsSpan(Length, count).Fill((byte)' ');
        Length += count;
    }

    private void Ensure(int more)
    {
        if (Length + more <= _data.Length) return;
        Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + more));
    }
}
