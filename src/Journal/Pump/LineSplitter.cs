namespace Platform.Journal.Pump;

/// <summary>
/// Cuts a byte stream into lines the way journald's stdout transport does: a line ends at <c>\n</c> or NUL; when
/// <c>LineMax</c> bytes (journald's LineMax=, 48K) arrive without either, they become a line of their own;
/// a partial line is ended early when another process starts writing, and at end of stream.
/// </summary>
internal sealed class LineSplitter
{
    /// <summary>journald's default LineMax= (48K).</summary>
    public const int DefaultLineMax = 48 * 1024;
    private const int KeepCapacity = 4096;

    private readonly int _lineMax;
    private byte[]? _pending;
    private int _pendingLength;
    private int _pendingPid;

    public LineSplitter(int lineMax = DefaultLineMax) => _lineMax = lineMax;

    public void Feed(ReadOnlySpan<byte> data, int pid, ILineHandler handler)
    {
        if (_pendingLength > 0 && pid != _pendingPid && pid != 0 && _pendingPid != 0)
            EmitPending(LineBreak.PidChange, handler);
        while (!data.IsEmpty)
        {
            var room = _lineMax - _pendingLength;
            var window = data.Length < room ? data : data[..room];
            var end = window.IndexOfAny((byte)'\n', (byte)0);
            if (end >= 0)
            {
                var reason = window[end] == 0 ? LineBreak.Nul : LineBreak.Newline;
                if (_pendingLength == 0) handler.OnLine(window[..end], reason, pid);
                else
                {
                    Append(window[..end]);
                    EmitPending(reason, handler);
                }
                data = data[(end + 1)..];
            }
            else if (data.Length >= room)
            {
                if (_pendingLength == 0) handler.OnLine(window, LineBreak.LineMax, pid);
                else
                {
                    Append(window);
                    EmitPending(LineBreak.LineMax, handler);
                }
                data = data[room..];
            }
            else
            {
                if (_pendingLength == 0) _pendingPid = pid;
                Append(data);
                return;
            }
        }
    }

    /// <summary>Ends a partial line at end of stream.</summary>
    public void Finish(ILineHandler handler)
    {
        if (_pendingLength > 0) EmitPending(LineBreak.Eof, handler);
        _pending = null;
    }

    private void EmitPending(LineBreak reason, ILineHandler handler)
    {
        var pid = _pendingPid;
        var length = _pendingLength;
        _pendingLength = 0;
        handler.OnLine(_pending.AsSpan(0, length), reason, pid);
        // Long partial lines are rare; do not keep 48 KiB per idle stream.
        if (_pending!.Length > KeepCapacity) _pending = null;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var need = _pendingLength + bytes.Length;
        if (_pending is null || _pending.Length < need)
        {
            var grown = new byte[Math.Min(_lineMax, Math.Max(need, Math.Max(256, (_pending?.Length ?? 0) * 2)))];
            _pending?.AsSpan(0, _pendingLength).CopyTo(grown);
            _pending = grown;
        }
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = need;
    }
}
