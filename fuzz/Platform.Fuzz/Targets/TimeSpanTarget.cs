using System.Text;
using Platform.Abstractions;

namespace Platform.Fuzz.Targets;

/// <summary>
/// systemd.time(7) time spans (<c>TimeoutStartSec=</c>, <c>OnActiveSec=</c>); a parsed span must format and re-parse.
/// </summary>
internal sealed class TimeSpanTarget : IFuzzTarget
{
    public string Name => "time-span";
    public string Corpus => "time-span";

    public void Run(ReadOnlySpan<byte> data)
    {
        var text = Encoding.UTF8.GetString(data);
        if (!SystemdValues.TryParseTimeSpan(text, out var value)) return;
        SystemdValues.TryParseTimeSpan(text, 1000, out _);
        if (value == Timeout.InfiniteTimeSpan || value.Ticks % 10 != 0) return;
        var formatted = SystemdValues.FormatTimeSpan(value);
        if (!SystemdValues.TryParseTimeSpan(formatted, out var again) || again != value)
            throw new InvalidOperationException(
                $"'{text}' parsed as {value.Ticks} ticks, formatted as '{formatted}', re-parsed as {again.Ticks}");
    }
}
