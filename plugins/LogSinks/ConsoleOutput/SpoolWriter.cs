using Platform.LogSinks.Common;

namespace Platform.LogSinks.ConsoleOutput;

/// <summary>
/// Copies spooled lines to a stream on its own thread; on Dispose it delivers what is left, for up to two seconds.
/// </summary>
internal sealed class SpoolWriter : IDisposable
{
    private readonly ByteSpool _spool;
    private readonly Stream _output;
    private readonly Thread _thread;
    private readonly WakeSignal _signal = new();
    private volatile bool _stopping;

    public SpoolWriter(ByteSpool spool, Stream output)
    {
        _spool = spool;
        _output = output;
        _thread = new Thread(Run) { Name = "console-sink", IsBackground = true };
        _thread.Start();
    }

    public void Wake() => _signal.Wake();

    private void Run()
    {
        while (true)
        {
            if (_spool.TryPeek(out var data, out var offset, out var length))
            {
                try
                {
                    _output.Write(data, offset, length);
                    _output.Flush();
                    _spool.Advance(length);
                }
                catch (IOException)
                {
                    // Nobody reads our output any more; keep draining so memory stays bounded.
                    _spool.Advance(length);
                }
                continue;
            }
            if (_stopping) return;
            _signal.Sleep(1000);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        Wake();
        _thread.Join(TimeSpan.FromSeconds(2));
    }
}
