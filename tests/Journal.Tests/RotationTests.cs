using Platform.Journal.Tests.Support;

namespace Platform.Journal.Tests;

/// <summary>
/// The file sink rotating by size while a service writes fast: nothing lost, read in order across files.
/// </summary>
public sealed class RotationTests : IDisposable
{
    private const int Rows = 20_000;
    private readonly LogSandbox _box = new();

    public RotationTests() => _box.Configure("LogSink.file.MaxFileSize=64K", "LogSink.file.MaxFiles=200");

    public void Dispose() => _box.Dispose();

    // 100-byte lines: "row 00001 " and padding.
    private static string Row(int i) => $"row {i:D5} " + new string('x', 89);

    private void StartWriter() => _box.Start("rotor.service",
        $"[Service]\nExecStart=/usr/bin/seq -f \"row %%05g {new string('x', 89)}\" 1 {Rows}\n");

    [Fact]
    public void EveryLineWrittenUnderLoadIsReadBackInOrderAcrossRotatedFiles()
    {
        StartWriter();

        var lines = _box.WaitForLines("rotor", Rows, seconds: 90);

        Assert.Equal(Enumerable.Range(1, Rows).Select(Row), lines);
        var files = Directory.GetFiles(_box.Box.Root.Combine("/var/log/journal"), "rotor.service.journal*");
        Assert.True(files.Length >= 10, $"only {files.Length} files: no rotation");
        Assert.All(files, f =>
            Assert.True(new FileInfo(f).Length <= 64 * 1024, $"{f} is {new FileInfo(f).Length} bytes"));
    }

    [Fact]
    public void AFollowerRunningDuringRotationSeesEveryLineOnce()
    {
        // -n all: however late the follower gets going on a busy machine, it starts from the first line.
        using var follow = new Follower(_box.Path, "-u", "rotor", "-o", "cat", "-n", "all");

        StartWriter();
        var lines = follow.WaitUntil(l => l.Count >= Rows, seconds: 90);

        Assert.Equal(Rows, lines.Count);
        Assert.Equal(Enumerable.Range(1, Rows).Select(Row), lines);
    }

    [Fact]
    public void OldestFilesBeyondTheKeptCountAreDeleted()
    {
        _box.Configure("LogSink.file.MaxFileSize=64K", "LogSink.file.MaxFiles=3");
        StartWriter();

        Assert.True(Sandbox.WaitFor(() =>
            _box.Journalctl("-u", "rotor", "-o", "cat", "-n", "1").Stdout == Row(Rows) + "\n", 40));
        var lines = LogSandbox.Lines(_box.Journalctl("-u", "rotor", "-o", "cat"));
        var files = Directory.GetFiles(_box.Box.Root.Combine("/var/log/journal"), "rotor.service.journal*");

        Assert.Equal(3, files.Length);
        // Each record carries its fields too, so three 64 KiB files hold a few hundred lines, not all of them.
        Assert.InRange(lines.Count, 200, Rows / 10);
        // What rotation dropped is said, not hidden: a marker counts the lines before the first one kept.
        var first = int.Parse(lines[1].Split(' ')[1]);
        Assert.Equal($"-- {first - 1} lines rotated away --", lines[0]);
        Assert.Equal(Enumerable.Range(first, Rows - first + 1).Select(Row), lines.Skip(1));
    }
}
