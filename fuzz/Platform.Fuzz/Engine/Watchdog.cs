namespace Platform.Fuzz.Engine;

/// <summary>
/// Detects a hang of the input being run. A managed thread cannot be aborted, so when an input runs over the limit
/// the watchdog saves nothing itself: it writes the verdict and ends the process with exit code 3 (the loop's caller
/// saved the input beforehand through <see cref="Pending"/>).
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private readonly TimeSpan _limit;
    private readonly Timer _timer;
    private int _armed;

    public Watchdog(TimeSpan limit)
    {
        _limit = limit;
        _timer = new Timer(_ => Fire());
    }

    /// <summary>Called with the input when a hang ends the process.</summary>
    public static Action? Pending { get; set; }

    public void Arm()
    {
        Volatile.Write(ref _armed, 1);
        _timer.Change(_limit, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops watching; true when the input ran over the limit.</summary>
    public bool Disarm()
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        return Interlocked.Exchange(ref _armed, 0) == 2;
    }

    private void Fire()
    {
        if (Interlocked.CompareExchange(ref _armed, 2, 1) != 1) return;
        // Give the input a second limit to finish before declaring the process stuck.
        Thread.Sleep(_limit);
        if (Volatile.Read(ref _armed) != 2) return;
        Console.Error.WriteLine($"hang: one input ran over {_limit + _limit}");
        Pending?.Invoke();
        Environment.Exit(3);
    }

    public void Dispose() => _timer.Dispose();
}
