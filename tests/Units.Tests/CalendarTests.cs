using System.Globalization;
using CsCheck;
using Platform.Units.Calendar;

namespace Platform.Units.Tests;

/// <summary>
/// The calendar parser against systemd 252 itself: Fixtures/calendar.txt holds what `systemd-analyze calendar
/// --base-time=... --iterations=5` printed for every systemd.time(7) example and the edge cases
/// (scripts/record-calendar-fixtures.sh regenerates it).
/// </summary>
public sealed class CalendarTests
{
    public static TheoryData<long, string, string, string> Cases()
    {
        var data = new TheoryData<long, string, string, string>();
        foreach (var line in File.ReadLines(Path.Join(AppContext.BaseDirectory, "Fixtures", "calendar.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var fields = line.Split('\t');
            data.Add(long.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2], fields[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NormalizesAndElapsesAsSystemd(long baseSeconds, string expression, string normalized, string elapses)
    {
        if (normalized == "!invalid")
        {
            Assert.False(CalendarSpec.TryParse(expression, out _), $"'{expression}' should be refused");
            return;
        }
        Assert.True(CalendarSpec.TryParse(expression, out var spec), $"'{expression}' should parse");
        Assert.Equal(normalized, spec.ToString());
        var expected = elapses.Length == 0 ? [] : elapses.Split(' ')
            .Select(e => long.Parse(e, CultureInfo.InvariantCulture)).ToList();
        var actual = new List<long>();
        var at = baseSeconds * 1_000_000;
        while (actual.Count < 5 && spec.NextElapseUsec(at) is { } next)
        {
            Assert.True(next > at);
            actual.Add(next / 1_000_000);
            at = next;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SecondsWithFractionsElapseOnTheMicrosecond()
    {
        var spec = CalendarSpec.Parse("*:*:0/0.5");
        Assert.Equal("*-*-* *:*:00/0.500000", spec.ToString());
        Assert.Equal(1_500_000, spec.NextElapseUsec(1_000_000));
    }

    [Fact]
    public void RefusalsSayWhatSystemdSays()
    {
        var e = Assert.Throws<FormatException>(() => CalendarSpec.Parse("today"));
        Assert.Equal("Failed to parse calendar specification 'today': Invalid argument", e.Message);
    }

    [Fact]
    public void AnEpochTimeFrom2200OnIsRefusedNotThrown()
    {
        // Found by fuzz/run.sh calendar: DateTime.AddSeconds threw ArgumentOutOfRangeException. systemd-analyze
        // calendar accepts @7258118399 and refuses @7258118400 (2200-01-01).
        Assert.False(CalendarSpec.TryParse("@2222222222222222222", out _));
        Assert.False(CalendarSpec.TryParse("@7258118400", out _));
        Assert.True(CalendarSpec.TryParse("@7258118399", out _));
    }

    private static readonly Gen<string> Component = Gen.OneOf(
        Gen.Const("*"), Gen.Int[0, 59].Select(v => v.ToString(CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[0, 20], Gen.Int[1, 15], (s, r) => $"{s}/{r}"),
        Gen.Select(Gen.Int[0, 20], Gen.Int[21, 59], (a, b) => $"{a}..{b}"));

    private static readonly Gen<string> Expression = Gen.Select(
        Gen.OneOf(Gen.Const(""), Gen.Const("Mon..Fri "), Gen.Const("Sat,Sun "), Gen.Const("Wed ")),
        Gen.OneOf(Gen.Const("*-*-*"), Gen.Int[1, 12].Select(m => $"*-{m}-*"), Gen.Int[1, 28].Select(d => $"*-*-{d}"),
            Gen.Int[1, 7].Select(d => $"*-*~{d}")),
        Gen.OneOf(Gen.Int[0, 23].Select(h => h.ToString(CultureInfo.InvariantCulture)), Gen.Const("*")), Component,
            Component,
        Gen.OneOf(Gen.Const(""), Gen.Const(" UTC"), Gen.Const(" Europe/Berlin"), Gen.Const(" America/New_York")),
        (w, d, h, m, s, z) => $"{w}{d} {h}:{m}:{s}{z}");

    /// <summary>
    /// For any expression and base: the next elapse is strictly later, matches every field of the expression in its
    /// zone, and no second between base and elapse matches (checked on a coarse scan for near elapses).
    /// </summary>
    [Fact]
    public void NextElapseIsAfterTheBaseAndMatches()
    {
        Gen.Select(Expression, Gen.Long[1_700_000_000L, 2_000_000_000L]).Sample((expression, baseSeconds) =>
        {
            if (!CalendarSpec.TryParse(expression, out var spec)) return true;
            var at = baseSeconds * 1_000_000;
            if (spec.NextElapseUsec(at) is not { } next) return true;
            if (next <= at) return false;
            if (!Matches(spec, next)) return false;
            // Normalized text parses back to the same expression.
            if (!CalendarSpec.TryParse(spec.ToString(), out var again) || again.ToString() != spec.ToString())
                return false;
            // The elapse before it cannot lie between base and next: stepping back a second finds the same next elapse.
            return spec.NextElapseUsec(next - 1_000_000) == next || next - 1_000_000 < at;
        }, iter: 2000);
    }

    private static bool Matches(CalendarSpec spec, long usec)
    {
        var utc = DateTime.UnixEpoch.AddTicks(usec * 10);
        var wall = TimeZoneInfo.ConvertTimeFromUtc(utc, spec.Zone);
        static bool In(IReadOnlyList<CalendarComponent>? chain, int value, Func<int, int>? map = null)
            => chain is null || chain.Any(c =>
            {
                var start = map?.Invoke(c.Start) ?? c.Start;
                if (value == start) return true;
                if (c.Repeat == 0 || value < start) return false;
                return (value - start) % c.Repeat == 0 && (c.Stop < 0 || value <= c.Stop);
            });
        var last = DateTime.DaysInMonth(wall.Year, wall.Month);
        var weekday = ((int)wall.DayOfWeek + 6) % 7;
        return In(spec.Year, wall.Year) && In(spec.Month, wall.Month)
            && (spec.EndOfMonth ? In(spec.Day, wall.Day, d => last + 1 - d) : In(spec.Day, wall.Day))
            && (spec.Weekdays < 0 || (spec.Weekdays & (1 << weekday)) != 0)
            && In(spec.Hour, wall.Hour) && In(spec.Minute, wall.Minute)
            && In(spec.Microsecond, wall.Second * 1_000_000 + (int)(usec % 1_000_000));
    }
}
