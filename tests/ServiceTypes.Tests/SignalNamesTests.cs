using Platform.Abstractions;

namespace Platform.ServiceTypes.Tests;

public sealed class SignalNamesTests
{
    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("TERM", 15)]
    [InlineData("15", 15)]
    [InlineData("SIGKILL", 9)]
    [InlineData("HUP", 1)]
    [InlineData("SIGRTMIN", 34)]
    [InlineData("SIGRTMIN+3", 37)]
    [InlineData("RTMAX-1", 63)]
    [InlineData("SIGIOT", 6)]
    public void ParsesNamesAndNumbers(string text, int expected)
    {
        Assert.True(SignalNames.TryParse(text, out var signal));
        Assert.Equal(expected, signal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SIGFOO")]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("sigterm")]
    [InlineData("SIGRTMIN+40")]
    public void RejectsUnknownSignals(string text) => Assert.False(SignalNames.TryParse(text, out _));

    [Fact]
    public void NamesRoundTrip()
    {
        for (var s = 1; s <= 64; s++)
        {
            if (s is 32 or 33) continue;
            Assert.True(SignalNames.TryParse(SignalNames.Name(s), out var back), SignalNames.Name(s));
            Assert.Equal(s, back);
        }
    }
}
