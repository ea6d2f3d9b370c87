using System.Text;

namespace Platform.LogSinks.FileJournal;

/// <summary>Remembers the last decoded string so runs of equal values decode without allocating.</summary>
internal sealed class StringCache
{
    private byte[] _bytes = [];
    private string _value = "";

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.SequenceEqual(_bytes)) return _value;
        _bytes = utf8.ToArray();
        _value = Encoding.UTF8.GetString(utf8);
        return _value;
    }
}
