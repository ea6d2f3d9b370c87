using FsCheck;
using FsCheck.Fluent;
using Platform.Abstractions;

namespace Platform.Units.Tests;

/// <summary>
/// Our systemd.time(7) span parser against <c>systemd-analyze timespan</c> of this machine (systemd 252).
/// </summary>
[Trait("Category", "Differential")]
public sealed class TimeSpanParsingTests
{
    public static TheoryData<string> Forms =>
    [
        "0", "infinity", " infinity ", "infinity 5s", "", " ", "5", "90", "1.5", ".5s", "5.", "100ms", "5min 20s",
            "5min20s",
        "1h30m", "1h 30min", "2d", "1w", "1M", "1y", "2months", "3 years", "5us", "5usec", "5µs", "5\u03bcs", "5 5",
            "5 s 3",
        "-1", "-0", "+5", "1e3", "5s garbage", "garbage", "1.2.3", "12.34 .56", "12.34s.56", "18446744073709551615",
        "600000000000000d", "0x10", "5S", "5Min", "1,5", "5secs", "5mo", "1.0000001", "0.0000001s", "3.sec", "5\t6",
        "9223372036854775807us", "9223372036854775808", "584542y", "584541y", "1min 30s", "1 min 30 s",
        "5 hours", "5hr", "5m", "5ms", "5msec", "5minutes", "10seconds", "1second", "1day", "1week", "1year",
    ];

    [DifferentialTheory]
    [MemberData(nameof(Forms))]
    public void ParsesEveryFormAsSystemdAnalyzeDoes(string text) => AssertSameAsSystemd(text);

    /// <summary>
    /// Random texts over the characters the syntax is made of: we accept exactly what systemd accepts, with the same
    /// value.
    /// </summary>
    [DifferentialFact]
    public void GeneratedInputsAgreeWithSystemdAnalyze()
    {
        string[] pieces = ["0", "1", "5", "9", "12", "007", "99999999999", ".", " ", "\t", "-", "+", "s", "sec", "m",
            "min", "ms",
            "h", "d", "w", "M", "y", "us", "µs", "month", "years", "x", "infinity", "e"];
        var gen = Gen.Elements(pieces).ArrayOf().Select(a => string.Concat(a.Take(6)));
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            AssertSameAsSystemd(text);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(250));
    }

    [Fact]
    public void HugeSpansAreInfinityRatherThanAnOverflow()
    {
        Assert.True(SystemdValues.TryParseTimeSpan("584541y", out var years));
        Assert.Equal(SystemdValues.Infinity, years);
        Assert.True(SystemdValues.TryParseTimeSpan("0", out var zero));
        Assert.Equal(TimeSpan.Zero, zero);
        Assert.False(SystemdValues.TryParseTimeSpan("", out _));
    }

    private static void AssertSameAsSystemd(string text)
    {
        var expected = RealSystemd.Timespan(text);
        var ok = SystemdValues.TryParseUsec(text, 1_000_000, out var ours);
        Assert.True(expected.HasValue == ok,
            $"'{text}': systemd {(expected.HasValue ? "accepts " + expected : "refuses")}, ours "
            + $"{(ok ? "accepts " + ours : "refuses")}");
        if (ok) Assert.Equal(expected!.Value, ours);
    }
}
