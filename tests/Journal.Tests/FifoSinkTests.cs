using System.Text.Json;
using Platform.Journal.Tests.Support;
using Platform.TestSupport;
using static Platform.Journal.Tests.Support.JsonField;

namespace Platform.Journal.Tests;

/// <summary>The fifo sink beside the file sink, configured in systemctl.conf, fed by real services.</summary>
public sealed class FifoSinkTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private static List<JsonElement> ReadFifo(string fifo, int lines)
    {
        var read = CommandRunner.Run("head", ["-n", lines.ToString(), fifo], timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(0, read.ExitCode);
        return [.. read.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>Whether the <c>head</c> of <see cref="ReadFifo"/> holds <paramref name="fifo"/> open.</summary>
    private static bool ReaderHasOpened(string fifo)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(process + "/comm").Trim() != "head") continue;
                if (Directory.EnumerateFileSystemEntries(process + "/fd")
                    .Any(fd => new FileInfo(fd).LinkTarget == fifo))
                    return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return false;
    }

    [Fact]
    public void AReaderStartedAfterTheServiceEndedGetsEverySpooledRecordAsJournalJson()
    {
        _box.Configure("LogSinks=file,fifo", "LogSink.fifo.Path=/run/splunk/journal.fifo");
        _box.Start("early.service",
            "[Service]\nSyslogIdentifier=early\n"
            + "ExecStart=/bin/sh -c 'for i in $$(seq 1 200); do echo \"spooled $$i\"; done'\n");
        _box.WaitForLines("early", 200);
        var fifo = _box.Box.Root.Combine("/run/splunk/journal.fifo");
        Assert.Equal("fifo\n", CommandRunner.Run("stat", ["-c", "%F", fifo]).Stdout);

        var records = ReadFifo(fifo, 200);

        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"spooled {i}"), records.Select(r => Text(r, "MESSAGE")));
        var pid = Text(_box.Json("-u", "early")[0], "_PID");
        Assert.All(records, r =>
        {
            Assert.Equal("early.service", Text(r, "_SYSTEMD_UNIT"));
            Assert.Equal("early", Text(r, "SYSLOG_IDENTIFIER"));
            Assert.Equal("6", Text(r, "PRIORITY"));
            Assert.Equal(pid, Text(r, "_PID"));
            Assert.Equal(Environment.MachineName, Text(r, "_HOSTNAME"));
            Assert.True(Number(r, "__REALTIME_TIMESTAMP") > 0);
        });
    }

    [Fact]
    public async Task ARecordWrittenWhileTheReaderWaitsArrivesAtOnce()
    {
        _box.Configure("LogSinks=fifo,file", "LogSink.fifo.Path=/run/live.fifo");
        _box.Start("first.service", "[Service]\nExecStart=/bin/echo opened the pump\n");
        _box.WaitForLines("first", 1);
        var fifo = _box.Box.Root.Combine("/run/live.fifo");
        var reader = Task.Run(() => ReadFifo(fifo, 2));
        Assert.True(ServiceSandbox.WaitFor(() => ReaderHasOpened(fifo), TimeSpan.FromSeconds(20)),
            "head never opened " + fifo);

        _box.Start("second.service", "[Service]\nExecStart=/bin/echo while reading\n");

        var records = await reader.WaitAsync(TimeSpan.FromSeconds(25));
        Assert.Equal(["opened the pump", "while reading"], records.Select(r => Text(r, "MESSAGE")));
    }

    [Fact]
    public void ABadFifoPathIsReportedOnceAndTheFileSinkKeepsWorking()
    {
        _box.Box.Root.Write("/etc/not-a-folder", "a plain file\n");
        _box.Configure("LogSinks=fifo,file", "LogSink.fifo.Path=/etc/not-a-folder/journal.fifo");

        _box.Start("one.service", "[Service]\nExecStart=/bin/echo first service\n");
        _box.Start("two.service", "[Service]\nExecStart=/bin/echo second service\n");

        Assert.Equal(["first service"], _box.WaitForLines("one", 1));
        Assert.Equal(["second service"], _box.WaitForLines("two", 1));
        var warnings = LogSandbox.Lines(_box.Journalctl("-u", "systemd-journald", "-o", "cat"));
        Assert.Single(warnings, w => w.Contains("fifo", StringComparison.Ordinal));
        Assert.Contains("/etc/not-a-folder/journal.fifo", warnings.Single(w =>
            w.Contains("fifo", StringComparison.Ordinal)));
    }
}
