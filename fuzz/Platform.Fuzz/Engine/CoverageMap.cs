namespace Platform.Fuzz.Engine;

/// <summary>
/// The AFL-style edge bitmap that SharpFuzz's instrumentation writes (<c>SharpFuzz.Common.Trace.SharedMem</c>), owned
/// here for the in-process loop: an input is kept when it hits an edge, or an edge-count bucket, not seen before.
/// Without instrumented assemblies the map stays empty and the loop is a plain random mutator over the corpus.
/// </summary>
internal sealed unsafe class CoverageMap : IDisposable
{
    public const int Size = 1 << 16;

    private readonly byte* _map;
    private readonly byte[] _seen = new byte[Size];

    public CoverageMap()
    {
        _map = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(Size);
        SharpFuzz.Common.Trace.SharedMem = _map;
    }

    /// <summary>Edges seen so far.</summary>
    public int Edges { get; private set; }

    public void Reset()
    {
        new Span<byte>(_map, Size).Clear();
        SharpFuzz.Common.Trace.PrevLocation = 0;
    }

    /// <summary>Folds the last run into what was seen; true when it found something new.</summary>
    public bool Merge()
    {
        var run = new ReadOnlySpan<byte>(_map, Size);
        var found = false;
        for (var i = 0; i < Size; i++)
        {
            // Most of the map is zero after one input: skip to the next hit with a vectorised search.
            var skip = run[i..].IndexOfAnyExcept((byte)0);
            if (skip < 0) break;
            i += skip;
            var bucket = Bucket(run[i]);
            if ((_seen[i] & bucket) != 0) continue;
            if (_seen[i] == 0) Edges++;
            _seen[i] |= bucket;
            found = true;
        }
        return found;
    }

    // AFL's hit-count classes: 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+.
    private static byte Bucket(byte hits) => hits switch
    {
        1 => 1, 2 => 2, 3 => 4, <= 7 => 8, <= 15 => 16, <= 31 => 32, <= 127 => 64, _ => 128,
    };

    public void Dispose()
    {
        SharpFuzz.Common.Trace.SharedMem = null;
        System.Runtime.InteropServices.NativeMemory.Free(_map);
    }
}
