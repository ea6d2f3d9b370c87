using System.Buffers;

namespace Platform.LogSinks.Common;

/// <summary>
/// Lines waiting for a slow or absent reader, as chunks of whole lines, bounded in bytes: past the bound the oldest
/// chunks are dropped and their lines counted. The chunk being written is never dropped, and after a reader left
/// mid-line the next one gets that line again from its start.
/// </summary>
internal sealed class ByteSpool
{
    private readonly LinkedList<Chunk> _chunks = new();
    private readonly object _gate = new();
    private readonly long _limit;
    private long _bytes;
    private int _headOffset;
    private bool _headBusy;
    private long _dropped;

    public ByteSpool(long limitBytes) => _limit = limitBytes;

    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    /// <summary>Lines dropped since the count was last taken.</summary>
    public long Dropped
    {
        get { lock (_gate) return _dropped; }
    }

    /// <summary>True when the next unsent byte starts a line, so something else may be written in between.</summary>
    public bool AtLineStart
    {
        get
        {
            lock (_gate)
                return _headOffset == 0 || _chunks.First is not { Value: var head }
                    || head.Data[_headOffset - 1] == (byte)'\n';
        }
    }

    /// <summary>
    /// Queues a copy of <paramref name="lines"/> (<paramref name="count"/> complete lines); true when the spool was
    /// empty.
    /// </summary>
    public bool Add(ReadOnlySpan<byte> lines, int count)
    {
        var data = ArrayPool<byte>.Shared.Rent(lines.Length);
        lines.CopyTo(data);
        lock (_gate)
        {
            var wasEmpty = _chunks.Count == 0;
            _chunks.AddLast(new Chunk(data, lines.Length, count));
            _bytes += lines.Length;
            while (_bytes > _limit && _chunks.Count > 1) DropOldest();
            return wasEmpty;
        }
    }

    /// <summary>
    /// The unsent bytes of the oldest chunk (reserved until <see cref="Advance"/>); false when empty.
    /// </summary>
    public bool TryPeek(out byte[] data, out int offset, out int length)
    {
        lock (_gate)
        {
            if (_chunks.First is not { Value: var head })
            {
                (data, offset, length) = (null!, 0, 0);
                return false;
            }
            _headBusy = true;
            (data, offset, length) = (head.Data, _headOffset, head.Length - _headOffset);
            return true;
        }
    }

    /// <summary>Marks <paramref name="sent"/> bytes of the peeked chunk delivered.</summary>
    public void Advance(int sent)
    {
        lock (_gate)
        {
            _headBusy = false;
            if (_chunks.First is not { Value: var head }) return;
            _headOffset += sent;
            _bytes -= sent;
            if (_headOffset < head.Length) return;
            _chunks.RemoveFirst();
            _headOffset = 0;
            ArrayPool<byte>.Shared.Return(head.Data);
        }
    }

    /// <summary>The reader left mid-line: resend that line from its start to the next reader.</summary>
    public void RewindToLineStart()
    {
        lock (_gate)
        {
            _headBusy = false;
            if (_headOffset == 0 || _chunks.First is not { Value: var head }) return;
            var lineStart = head.Data.AsSpan(0, _headOffset).LastIndexOf((byte)'\n') + 1;
            _bytes += _headOffset - lineStart;
            _headOffset = lineStart;
        }
    }

    /// <summary>Returns and resets the dropped-line count.</summary>
    public long TakeDropped()
    {
        lock (_gate)
        {
            var n = _dropped;
            _dropped = 0;
            return n;
        }
    }

    /// <summary>Puts back a count taken by <see cref="TakeDropped"/> whose notice could not be delivered.</summary>
    public void RestoreDropped(long count)
    {
        lock (_gate) _dropped += count;
    }

    private void DropOldest()
    {
        // The head may be on its way to the reader, or half sent: drop the one after it instead.
        var node = _headOffset > 0 || _headBusy ? _chunks.First!.Next! : _chunks.First!;
        _chunks.Remove(node);
        Forget(node.Value, node.Value.Length);
    }

    private void Forget(Chunk chunk, int unsent)
    {
        _bytes -= unsent;
        _dropped += chunk.Lines;
        ArrayPool<byte>.Shared.Return(chunk.Data);
    }

    private readonly record struct Chunk(byte[] Data, int Length, int Lines);
}
