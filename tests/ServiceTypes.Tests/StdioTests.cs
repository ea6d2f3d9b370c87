using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class StdioTests : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _root.Dispose();
    }

    private ChildProcess Spawn(SpawnRequest request) => _tracker.Track(TestHelper.Spawner.Spawn(request));

    [Fact]
    public async Task OutputsGoToFileAppendAndTruncateTargets()
    {
        var appendFile = _root.Write("/log/append.txt", "old\n");
        var truncateFile = _root.Write("/log/truncate.txt", "old content that is long\n");
        var plainFile = _root.Write("/log/file.txt", "XXXXXXXXXX\n");
        var script = _root.WriteScript("/bin/both.sh", "#!/bin/sh\necho out\necho err >&2\n");
        async Task Run(StdioTarget target, StdioTarget? error = null)
        {
            var child = Spawn(new SpawnRequest { Path = script, Arguments = [script], StandardOutput = target,
                StandardError = error });
            Assert.Equal(ProcessExit.FromExitStatus(0), await child.Exited);
        }
        await Run(new StdioTarget(StdioKind.Append, appendFile));
        Assert.Equal("old\nout\nerr\n", File.ReadAllText(appendFile));
        await Run(new StdioTarget(StdioKind.Truncate, truncateFile));
        Assert.Equal("out\nerr\n", File.ReadAllText(truncateFile));
        await Run(new StdioTarget(StdioKind.File, plainFile), StdioTarget.Null);
        Assert.Equal("out\n" + "XXXXXXXXXX\n"[4..], File.ReadAllText(plainFile));
        var created = _root.Combine("/log/new.txt");
        await Run(new StdioTarget(StdioKind.Append, created));
        Assert.Equal("out\nerr\n", File.ReadAllText(created));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(created));
    }

    [Fact]
    public async Task StandardInputCanBeAFileAndOutputADescriptorOfTheCaller()
    {
        var input = _root.Write("/in.txt", "from a file\n");
        var outFile = _root.Combine("/out.txt");
        using (var stream = new FileStream(outFile, FileMode.Create, FileAccess.Write))
        {
            var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
            var child = Spawn(new SpawnRequest
            {
                Path = "/bin/cat", Arguments = ["cat"], StandardInput = new StdioTarget(StdioKind.File, input),
                    StandardOutput = StdioTarget.FromDescriptor(fd),
            });
            Assert.Equal(ProcessExit.FromExitStatus(0), await child.Exited);
        }
        Assert.Equal("from a file\n", File.ReadAllText(outFile));
    }

    [Theory]
    [InlineData("journal", nameof(StdioKind.Journal))]
    [InlineData("kmsg+console", nameof(StdioKind.Journal))]
    [InlineData("null", nameof(StdioKind.Null))]
    [InlineData("tty", nameof(StdioKind.Null))]
    [InlineData("inherit", nameof(StdioKind.Inherit))]
    [InlineData("append:/var/log/x", nameof(StdioKind.Append))]
    [InlineData("truncate:/var/log/x", nameof(StdioKind.Truncate))]
    [InlineData("file:/var/log/x", nameof(StdioKind.File))]
    public void OutputSettingsParse(string value, string kind)
    {
        Assert.True(StdioTarget.TryParse(value, out var target));
        Assert.Equal(kind, target.Kind.ToString());
    }

    [Fact]
    public void UnitOutputDefaultsToTheJournalAndErrorFollowsOutput()
    {
        var journal = StdioTarget.FromDescriptor(99);
        Assert.Equal(journal, UnitExecSettings.Output(TestUnits.Service(), "StandardOutput", journal));
        Assert.Null(UnitExecSettings.Output(TestUnits.Service(), "StandardError", journal));
        Assert.Equal(StdioTarget.Null, UnitExecSettings.Output(TestUnits.Service(("StandardError", "null")),
            "StandardError", journal));
        Assert.Equal(new StdioTarget(StdioKind.Append, "/x"),
            UnitExecSettings.Output(TestUnits.Service(("StandardError", "append:/x")), "StandardError", journal));
        Assert.False(StdioTarget.TryParse("file:relative", out _));
    }
}
