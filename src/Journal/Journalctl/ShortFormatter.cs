using System.Globalization;
using System.Text;
using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>
/// The <c>short</c> family: <c>Nov 02 05:15:11 host ident[pid]: message</c>; continuation lines of a multi-line
/// message are indented under the message (see <see cref="ShortMessage"/> for the message itself).
/// </summary>
internal sealed class ShortFormatter
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"];

    private readonly OutputMode _mode;
    private readonly bool _hostname;
    private readonly bool _all;
    private readonly LocalClock _clock;
    private readonly string _defaultHost;

    public ShortFormatter(OutputMode mode, bool hostname, bool all, bool utc, string defaultHost)
    {
        _mode = mode;
        _hostname = hostname;
        _all = all;
        _clock = new LocalClock(utc);
        _defaultHost = defaultHost;
    }

    public void Format(ByteBuffer o, LogRecord r)
    {
        var start = o.Length;
        Timestamp(o, r);
        if (_hostname)
        {
            o.Append((byte)' ');
            o.Append(r.Hostname ?? _defaultHost);
        }
        o.Append((byte)' ');
        o.Append(r.Identifier ?? (r.Fields is { } f && f.TryGetValue("_COMM", out var comm) ? comm : "unknown"));
        if (r.Pid > 0)
        {
            o.Append((byte)'[');
            o.Append(r.Pid);
            o.Append((byte)']');
        }
        o.Append(": "u8);
        var indent = Encoding.UTF8.GetCharCount(o.Span[start..]);
        ShortMessage.Append(o, r.Message, indent, _all);
        o.Append((byte)'\n');
    }

    private void Timestamp(ByteBuffer o, LogRecord r)
    {
        // Like journalctl, prefer the time the client stamped over the time the journal received the entry.
        var usec = r.Fields is { } f && f.TryGetValue("_SOURCE_REALTIME_TIMESTAMP", out var source)
            && long.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var sourceUsec)
                ? sourceUsec : r.RealtimeUsec;
        switch (_mode)
        {
            case OutputMode.ShortUnix:
                o.Append(usec / 1_000_000);
                o.Append((byte)'.');
                o.Append(usec % 1_000_000, 6);
                return;
            case OutputMode.ShortMonotonic:
                var seconds = (r.MonotonicUsec / 1_000_000).ToString(CultureInfo.InvariantCulture);
                o.Append((byte)'[');
                o.Spaces(Math.Max(0, 5 - seconds.Length));
                o.Append(seconds);
                o.Append((byte)'.');
                o.Append(r.MonotonicUsec % 1_000_000, 6);
                o.Append((byte)']');
                return;
        }
        var local = _clock.ToLocal(usec, out var offset);
        if (_mode is OutputMode.ShortIso or OutputMode.ShortIsoPrecise)
        {
            o.Append(local.Year, 4);
            o.Append((byte)'-');
            o.Append(local.Month, 2);
            o.Append((byte)'-');
            o.Append(local.Day, 2);
            o.Append((byte)'T');
        }
        else
        {
            o.Append(Months[local.Month - 1]);
            o.Append((byte)' ');
            o.Append(local.Day, 2);
            o.Append((byte)' ');
        }
        o.Append(local.Hour, 2);
        o.Append((byte)':');
        o.Append(local.Minute, 2);
        o.Append((byte)':');
        o.Append(local.Second, 2);
        if (_mode is OutputMode.ShortPrecise or OutputMode.ShortIsoPrecise)
        {
            o.Append((byte)'.');
            o.Append(((usec % 1_000_000) + 1_000_000) % 1_000_000, 6);
        }
        if (_mode is OutputMode.ShortIso or OutputMode.ShortIsoPrecise)
        {
            var minutes = (int)offset.TotalMinutes;
            o.Append(minutes < 0 ? (byte)'-' : (byte)'+');
            o.Append(Math.Abs(minutes) / 60, 2);
            o.Append(Math.Abs(minutes) % 60, 2);
        }
    }
}
