using System.Text;
using Platform.Abstractions;

namespace Platform.LogSinks.Tests.Support;

/// <summary>Builds records for sink tests.</summary>
internal static class Records
{
    private static long _clock = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static LogRecord Make(string unit, string message, int priority = 6, long? realtime = null, int pid = 100)
        => Make(unit, Encoding.UTF8.GetBytes(message), priority, realtime, pid);

    public static LogRecord Make(string unit, byte[] message, int priority = 6, long? realtime = null, int pid = 100) =>
        new()
    {
        Unit = unit,
        Identifier = unit.Split('.')[0],
        Pid = pid,
        Priority = priority,
        RealtimeUsec = realtime ?? Interlocked.Increment(ref _clock),
        MonotonicUsec = 1_000_000,
        Message = message,
    };
}
