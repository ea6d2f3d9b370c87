using System.Diagnostics;
using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class DaemonTests(ITestOutputHelper output)
{
    [Fact]
    public void TheLauncherStartsADetachedPumpThatOutlivesItsStarterAndLeavesWhenIdle()
    {
        using var root = new TempRoot();
        var spawner = Helper.Run(["__spawn", root.Path, "web.service",
            .. Helper.Command("__journald", "--root=" + root.Path, "--idle-exit=1.5"),
            "--", "sh", "-c", "echo hello; sleep 0.7; echo bye"]);
        Assert.Equal(0, spawner.ExitCode);
        var daemon = FindDaemon(root.Path);
        using var reader = Sinks.Reader(root.Path);
        Helper.WaitUntil(() => reader.Read(new LogQuery { Units = ["web.service"] }).Any(r => r.MessageText == "bye"),
            what: "the late line");
        Assert.Equal(["hello", "bye"], reader.Read(new LogQuery { Units = ["web.service"] })
            .Select(r => r.MessageText));
        output.WriteLine($"detached pump RSS: {Helper.RssKiB(daemon)} KiB");
        Helper.WaitUntil(() => !ServiceSpawner.Alive(daemon), seconds: 10, what: "the idle pump to exit");
        Assert.False(File.Exists(JournalPaths.Socket(root.Path)));
    }

    [Fact]
    public void ASecondPumpForTheSameRootStepsAsideWhileTheFirstServes()
    {
        using var root = new TempRoot();
        using var first = StartDaemon(root);
        var second = Helper.Run("__journald", "--root=" + root.Path);
        Assert.Equal(0, second.ExitCode);
        Assert.False(first.HasExited);
        Assert.True(JournalStreamClient.IsListening(JournalPaths.Socket(root.Path)));
        ServiceSpawner.Terminate(first.Id);
        Assert.True(first.WaitForExit(10_000));
        Assert.Equal(0, first.ExitCode);
        Assert.False(File.Exists(JournalPaths.Socket(root.Path)));
    }

    [Fact]
    public void TheDetachedPumpLogsItsOwnProblemsIntoTheJournal()
    {
        using var root = new TempRoot();
        root.Write("/etc/not-a-folder", "x");
        using var daemon = StartDaemon(root, "--fifo=/etc/not-a-folder/splunk.fifo");
        using var reader = Sinks.Reader(root.Path);
        Helper.WaitUntil(() => reader.Read(new LogQuery { Units = ["systemd-journald.service"] }).Any(),
            what: "the warning record");
        var warning = Assert.Single(reader.Read(new LogQuery { Units = ["systemd-journald.service"] }));
        Assert.Contains("/etc/not-a-folder/splunk.fifo", warning.MessageText);
        Assert.Equal((4, "systemd-journald"), (warning.Priority, warning.Identifier));
        ServiceSpawner.Terminate(daemon.Id);
        Assert.True(daemon.WaitForExit(10_000));
    }

    [Fact]
    public void TheDetachedPumpMovesTwentyMegabytesOfShortLinesIntoTheFileJournal()
    {
        using var root = new TempRoot();
        root.Write("/etc/platform/big.log", "");
        var lines = BigLog.Write(root.Combine("/etc/platform/big.log"), 20);
        using var daemon = StartDaemon(root, "--trim-after=0.5");
        using var reader = Sinks.Reader(root.Path);
        var query = new LogQuery { Units = ["big.service"] };
        var position = reader.Tail(query);
        var watch = Stopwatch.StartNew();
        using (var stream = JournalStreamClient.Connect(root.Path, new JournalStreamHeader("big.service", "cat"),
            startPump: false))
        {
            var pid = ServiceSpawner.Spawn(["sh", "-c", $"cat '{root.Combine("/etc/platform/big.log")}'; echo MARK"],
                (int)stream.DangerousGetHandle(), (int)stream.DangerousGetHandle());
            stream.Dispose();
            Assert.Equal(0, ServiceSpawner.Wait(pid));
        }
        var seen = 0;
        var marked = false;
        Helper.WaitUntil(() =>
        {
            foreach (var r in reader.ReadAfter(query, ref position))
            {
                seen++;
                marked |= r.MessageText == "MARK";
            }
            return marked;
        }, seconds: 30, what: "the mark after the big file");
        watch.Stop();
        output.WriteLine(
            $"service -> detached pump -> file journal (kept files read back): "
            + $"{BigLog.Figure((long)lines * BigLog.LineBytes, watch.Elapsed)}");
        output.WriteLine($"detached pump RSS right after: {Helper.RssKiB(daemon.Id)} KiB");
        Assert.True(seen > lines / 2, $"only {seen} of {lines} lines are still in the journal");
        ServiceSpawner.Terminate(daemon.Id);
        Assert.True(daemon.WaitForExit(10_000));
    }

    private static DaemonProcess StartDaemon(TempRoot root, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = true };
        foreach (var a in (string[])[Helper.Assembly, "__journald", "--root=" + root.Path, "--idle-exit=60", .. extra])
            psi.ArgumentList.Add(a);
        var daemon = new DaemonProcess(Process.Start(psi)!);
        Helper.WaitUntil(() => JournalStreamClient.IsListening(JournalPaths.Socket(root.Path)),
            what: "the pump to listen");
        return daemon;
    }

    /// <summary>A pump started by a test: killed and reaped on dispose if the test did not stop it.</summary>
    private sealed class DaemonProcess(Process process) : IDisposable
    {
        public int Id => process.Id;
        public bool HasExited => process.HasExited;
        public int ExitCode => process.ExitCode;

        public bool WaitForExit(int milliseconds) => process.WaitForExit(milliseconds);

        public void Dispose()
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }

    private static int FindDaemon(string root)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Join(dir, "cmdline"));
                if (cmdline.Contains("\0__journald\0") && cmdline.Contains("--root=" + root + "\0")) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        throw new InvalidOperationException("no detached pump runs for " + root);
    }
}
