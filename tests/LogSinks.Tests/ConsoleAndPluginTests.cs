using System.Composition.Hosting;
using System.Text;
using System.Text.Json;
using Platform.Abstractions;
using Platform.LogSinks.ConsoleOutput;
using Platform.LogSinks.FileJournal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class ConsoleAndPluginTests
{
    [Fact]
    public void ConsoleSinkWritesUnitPidAndMessageLines()
    {
        var output = new MemoryStream();
        var sink = new ConsoleLogSink { Output = output };
        Assert.True(sink.Open(Sinks.Context("/", null)));
        sink.Write(Records.Make("web.service", "hello", pid: 12));
        sink.Write(new LogRecord { Unit = "init.scope", RealtimeUsec = 1, Message = "no pid"u8.ToArray() });
        sink.Dispose();
        Assert.Equal("web.service[12]: hello\ninit.scope: no pid\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task AStalledConsoleNeverBlocksThePumpAndDropsOnlyPastItsSpool()
    {
        using var stalled = new StalledStream();
        var sink = new ConsoleLogSink { Output = stalled };
        Assert.True(sink.Open(Sinks.Context("/", null, ("SpoolBytes", "64K"))));
        var writes = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                sink.Write(Records.Make("web.service", $"line {i}"));
                if (i % 100 == 0) sink.Flush();
            }
            sink.Flush();
        });
        // The console stays stalled until after this: writes that waited for it would end in a TimeoutException.
        await writes.WaitAsync(TimeSpan.FromSeconds(60));
        stalled.Release();
        sink.Dispose();
        var text = stalled.Text();
        Assert.EndsWith("web.service[100]: line 19999\n", text);
        Assert.True(text.Length < 20_000 * 20, "more than the spool was kept");
    }

    [Fact]
    public void ThePluginExportsFourNamedSinksAndTheFileReaderListedInItsManifest()
    {
        var assembly = typeof(FileLogSink).Assembly;
        using var container = new ContainerConfiguration().WithAssembly(assembly).CreateContainer();
        var sinks = container.GetExports<Lazy<ILogSink, PluginExportMetadata>>()
            .Select(e => PluginKind.LogSink + "/" + e.Metadata.Name);
        var readers = container.GetExports<Lazy<ILogReaderSource, PluginExportMetadata>>()
            .Select(e => PluginKind.LogReader + "/" + e.Metadata.Name);
        var names = sinks.Concat(readers).Order().ToList();
        Assert.Equal(["log-reader/file", "log-sink/console", "log-sink/fifo", "log-sink/file", "log-sink/journald"],
            names);
        using var manifest = JsonDocument.Parse(File.ReadAllText(
            Path.Join(Path.GetDirectoryName(assembly.Location), "plugin.json")));
        var exports = manifest.RootElement.GetProperty("exports").EnumerateArray().ToList();
        Assert.Equal(names, exports.Select(e =>
            e.GetProperty("kind").GetString() + "/" + e.GetProperty("name").GetString()).Order());
        Assert.Equal(["Platform.LogSinks.dll"], manifest.RootElement.GetProperty("assemblies").EnumerateArray()
            .Select(a => a.GetString()));
    }

    [Fact]
    public async Task TheInitRunsThePumpInProcessHoldingTheLockAndLogsItsOwnRecords()
    {
        using var root = new TempRoot();
        var collected = new CollectingSink();
        using var stop = new CancellationTokenSource();
        Platform.Journal.JournalPump? pump = null;
        var run = Platform.Journal.JournalDaemon.RunInProcessAsync(root.Path, [collected], stop.Token, p => pump = p);
        Helper.WaitUntil(() =>
            Platform.Journal.JournalStreamClient.IsListening(Platform.Journal.JournalPaths.Socket(root.Path)),
            what: "the pump");
        Assert.Null(Platform.Journal.JournalLock.TryAcquire(root.Path));
        pump!.Submit(Records.Make("init.scope", "Started web.service."));
        using (var stream = Platform.Journal.JournalStreamClient.Connect(root.Path,
            new Platform.Journal.JournalStreamHeader("web.service", "web"), startPump: false))
        {
            var pid = ServiceSpawner.Spawn(["echo", "from the service"], (int)stream.DangerousGetHandle(),
                (int)stream.DangerousGetHandle());
            ServiceSpawner.Wait(pid);
        }
        collected.WaitFor(r => r.Count == 2);
        stop.Cancel();
        await run;
        Assert.Equal(["Started web.service.", "from the service"], collected.Snapshot().Select(r => r.MessageText));
        using var free = Platform.Journal.JournalLock.TryAcquire(root.Path);
        Assert.NotNull(free);
    }

    /// <summary>A stream whose writes block until released, like a terminal nobody reads.</summary>
    private sealed class StalledStream : Stream
    {
        private readonly ManualResetEventSlim _open = new();
        private readonly MemoryStream _data = new();

        public void Release() => _open.Set();

        public string Text()
        {
            lock (_data) return Encoding.UTF8.GetString(_data.ToArray());
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _open.Wait();
            lock (_data) _data.Write(buffer, offset, count);
        }

        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _open.Set();
            base.Dispose(disposing);
        }
    }
}
