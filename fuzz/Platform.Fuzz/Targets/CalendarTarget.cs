using System.Text;
using Platform.Units.Calendar;

namespace Platform.Fuzz.Targets;

/// <summary>
/// <c>OnCalendar=</c> expressions: parse, normalize, re-parse the normalized form, and compute the next elapse from a
/// fixed instant (the elapse search must end for every expression).
/// </summary>
internal sealed class CalendarTarget : IFuzzTarget
{
    private const long After = 1_767_225_600_000_000; // 2026-01-01 00:00:00 UTC in µs

    public string Name => "calendar";
    public string Corpus => "calendar";

    public void Run(ReadOnlySpan<byte> data)
    {
        var text = Encoding.UTF8.GetString(data);
        if (!CalendarParser.TryParse(text, out var spec)) return;
        var normalized = spec.ToString();
        if (!CalendarParser.TryParse(normalized, out var again))
            throw new InvalidOperationException($"'{text}' normalizes to '{normalized}', which does not parse");
        if (spec.TimeZone is null) spec.NextElapseUsec(After);
        _ = again;
    }
}
