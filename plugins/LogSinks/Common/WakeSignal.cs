namespace Platform.LogSinks.Common;

/// <summary>Lets a producer wake a sink's delivery thread; a wake that comes before the wait is not lost.</summary>
internal sealed class WakeSignal
{
    private readonly object _gate = new();
    private bool _woken;

    public void Wake()
    {
        lock (_gate)
        {
            _woken = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Waits until woken or <paramref name="milliseconds"/> pass.</summary>
    public void Sleep(int milliseconds)
    {
        lock (_gate)
        {
            if (!_woken) Monitor.Wait(_gate, milliseconds);
            _woken = false;
        }
    }
}
