using System.Text;

namespace Platform.Journal.Journalctl;

/// <summary>
/// Where journalctl's bytes go: a stream gets them exactly (binary messages in <c>-o cat</c> and <c>export</c>);
/// a TextWriter gets them decoded as UTF-8.
/// </summary>
internal sealed class OutputTarget
{
    private readonly Stream? _stream;
    private readonly TextWriter? _writer;

    public OutputTarget(Stream stream) => _stream = stream;

    public OutputTarget(TextWriter writer) => _writer = writer;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null) _stream.Write(bytes);
        else _writer!.Write(Encoding.UTF8.GetString(bytes));
    }

    public void Write(string text)
    {
        if (_stream is not null) _stream.Write(Encoding.UTF8.GetBytes(text));
        else _writer!.Write(text);
    }

    public void Flush()
    {
        if (_stream is not null) _stream.Flush();
        else _writer!.Flush();
    }
}
