using System.Text;
using Platform.Abstractions;

namespace PluginName.Tests;

public sealed class ExampleLogSinkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("plugin-sink-").FullName;

    [Fact]
    public void FlushedRecordsAppearAsLinesInTheConfiguredFile()
    {
        var warnings = new List<string>();
        using (var sink = new ExampleLogSink())
        {
            Assert.True(sink.Open(new LogSinkContext(_root, new Dictionary<string, string> { ["Path"] = "/logs/out.log" }, warnings.Add)));
            sink.Write(new LogRecord { Unit = "web.service", Pid = 7, RealtimeUsec = 1_700_000_000_000_000, Message = Encoding.UTF8.GetBytes("hello") });
            sink.Flush();
            var lines = File.ReadAllLines(Path.Join(_root, "logs/out.log"));
            Assert.Equal("2023-11-14T22:13:20.000Z web.service[7]: hello", Assert.Single(lines));
        }
        Assert.Empty(warnings);
    }

    [Fact]
    public void SinkThatCannotOpenItsFileSaysWhyAndReturnsFalse()
    {
        File.WriteAllText(Path.Join(_root, "blocker"), "");
        var warnings = new List<string>();
        using var sink = new ExampleLogSink();
        Assert.False(sink.Open(new LogSinkContext(_root, new Dictionary<string, string> { ["Path"] = "/blocker/out.log" }, warnings.Add)));
        Assert.Contains("cannot open", Assert.Single(warnings));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
