using Platform.Abstractions;

namespace Platform.ServiceTypes.Tests;

public sealed class ExitStatusNamesTests
{
    [Theory]
    [InlineData(0, "0/SUCCESS")]
    [InlineData(2, "2/INVALIDARGUMENT")]
    [InlineData(75, "75/TEMPFAIL")]
    [InlineData(203, "203/EXEC")]
    [InlineData(226, "226/NAMESPACE")]
    [InlineData(42, "42")]
    public void AStatusIsShownWithSystemdsNameWhenItHasOne(int status, string shown)
        => Assert.Equal(shown, ExitStatusNames.Describe(status));

    [Fact]
    public void EveryNameSystemdAnalyzeListsParsesBackToItsNumber()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/systemd-analyze"),
            "systemd-analyze (systemd 252, the oracle) is not installed");
        var psi = new System.Diagnostics.ProcessStartInfo("systemd-analyze",
            "exit-status") { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .ToList();
        process.WaitForExit();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(ExitStatusNames.TryParse(parts[0], out var number), parts[0]);
            Assert.Equal(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), number);
        }
    }
}
