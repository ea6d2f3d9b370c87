using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.Journal.Tests.Support;

/// <summary>
/// Runs the published journalctl and keeps its standard output as bytes (binary messages stay exact).
/// </summary>
internal static class RawOutput
{
    public static byte[] Journalctl(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo(Published.Journalctl) { RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["--root=" + root, "--no-pager", .. arguments]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            process.WaitForExit();
            throw new TimeoutException("journalctl did not finish");
        }
        Assert.True(process.ExitCode == 0, "journalctl failed: " + stderr.Result);
        return bytes.ToArray();
    }
}
