namespace Platform.Fuzz.Engine;

/// <summary>
/// Byte-level mutations in the spirit of AFL's havoc stage, plus dictionary tokens (the syntax of the format under
/// test, one byte per character so tokens can hold raw bytes) and splicing with another corpus entry, bounded by a
/// maximum length.
/// </summary>
internal sealed class Mutator
{
    private static readonly byte[] Interesting = [0, 1, 0x7f, 0x80, 0xff, (byte)'\n', (byte)'\\', (byte)'"', (byte)'\'',
        (byte)'=', (byte)' ', (byte)'%', (byte)'['];

    private readonly Random _random;
    private readonly byte[][] _tokens;
    private readonly int _maxLength;

    public Mutator(Random random, IEnumerable<string> tokens, int maxLength)
    {
        _random = random;
        _tokens = tokens.Select(t => System.Text.Encoding.Latin1.GetBytes(t)).ToArray();
        _maxLength = maxLength;
    }

    public byte[] Mutate(byte[] input, byte[] other)
    {
        var data = new List<byte>(input);
        var rounds = 1 << _random.Next(0, 5);
        for (var r = 0; r < rounds; r++) Once(data, other);
        if (data.Count > _maxLength) data.RemoveRange(_maxLength, data.Count - _maxLength);
        return [.. data];
    }

    private void Once(List<byte> data, byte[] other)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(11))
        {
            case 0 when data.Count > 0: data[at] ^= (byte)(1 << _random.Next(8)); break;
            case 1 when data.Count > 0: data[at] = (byte)_random.Next(256); break;
            case 2 when data.Count > 0: data[at] = Interesting[_random.Next(Interesting.Length)]; break;
            case 3 when data.Count > 0: data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16))); break;
            case 4: data.Insert(at, Interesting[_random.Next(Interesting.Length)]); break;
            case 5 when _tokens.Length > 0: data.InsertRange(at, _tokens[_random.Next(_tokens.Length)]); break;
            case 6 when _tokens.Length > 0:
                var token = _tokens[_random.Next(_tokens.Length)];
                for (var i = 0; i < token.Length && at + i < data.Count; i++) data[at + i] = token[i];
                break;
            case 7 when data.Count > 0:
                // Duplicate a block: long repeated runs find quadratic paths and length limits.
                var length = Math.Min(data.Count - at, 1 + _random.Next(64));
                var block = data.GetRange(at, length);
                for (var k = _random.Next(1, 8); k > 0; k--) data.InsertRange(at, block);
                break;
            case 8 when other.Length > 0:
                var from = _random.Next(other.Length);
                var take = Math.Min(other.Length - from, 1 + _random.Next(64));
                data.InsertRange(at, other.AsSpan(from, take).ToArray());
                break;
            case 9 when data.Count > 0:
                var end = at + Math.Min(data.Count - at, 1 + _random.Next(8));
                for (var i = at; i < end; i++) data[i] = (byte)(data[i] + _random.Next(-3, 4));
                break;
            case 10 when data.Count > 1: data.RemoveRange(at, data.Count - at); break;
        }
    }
}
