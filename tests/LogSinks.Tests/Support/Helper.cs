using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests.Support;

/// <summary>Runs this test assembly as a helper process (see <see cref="TestProgram"/>).</summary>
internal static class Helper
{
    public static string Assembly => typeof(Helper).Assembly.Location;

    /// <summary>The command line that runs a helper mode: dotnet, this assembly, then the arguments.</summary>
    public static string[] Command(params string[] args) => ["dotnet", Assembly, .. args];

    public static CommandResult Run(params string[] args) =>
        CommandRunner.Run("dotnet", [Assembly, .. args], timeout: TimeSpan.FromSeconds(30));

    /// <summary>Reads VmRSS of a process in KiB.</summary>
    public static long RssKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0]);
        return 0;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; throws after <paramref name="seconds"/>.</summary>
    public static void WaitUntil(Func<bool> condition, double seconds = 15, string what = "condition")
        => WaitUntil(condition, () => what, seconds);

    /// <summary>As above, describing the state only when the wait failed.</summary>
    public static void WaitUntil(Func<bool> condition, Func<string> describe, double seconds = 15)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"timed out waiting for {describe()}");
            Thread.Sleep(20);
        }
    }
}
