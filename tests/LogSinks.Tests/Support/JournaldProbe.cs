using System.Text;
using Platform.Abstractions;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// The records the journald sink test sends to a real journald, known to both the sender and the test.
/// </summary>
public static class JournaldProbe
{
    public const string Unit = "probe.service";
    public const string Identifier = "probe";
    public const int Pid = 4242;
    public const int LargeSize = 600 * 1024;

    public static IEnumerable<LogRecord> Records()
    {
        yield return Make(6, Encoding.UTF8.GetBytes("plain line"));
        yield return Make(3, Encoding.UTF8.GetBytes("first line\nsecond\tline"));
        yield return Make(4, [0x62, 0x69, 0x6e, 0xff, 0xfe, 0x00, 0x01, 0x0a, 0x7a]);
        yield return Make(5, Encoding.UTF8.GetBytes("été ünïcode"));
        yield return Make(6, Large());
        // Control characters and terminal sequences, for comparing how the short formats print them.
        foreach (var text in new[] { "\u001b[31;1mred\u001b[0m", "a\rb", "l1\r\nl2\r", "a\u001bb",
            "\u001b]0;title\u0007x", "a  \t", "a\n\n",
                     "\u001b[2Jclear", "\r", "t\u001b[1m\tx", "\u007f", "\u0085c1" })
            yield return Make(6, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A message too large for one datagram, so it travels in a memfd.</summary>
    public static byte[] Large()
    {
        var bytes = new byte[LargeSize];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }

    private static LogRecord Make(int priority, byte[] message) => new()
    {
        Unit = Unit,
        Identifier = Identifier,
        Pid = Pid,
        Priority = priority,
        RealtimeUsec = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10,
        Message = message,
    };
}
