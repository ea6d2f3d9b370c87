using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

/// <summary>
/// <c>journalctl -f</c> takes its follow position before it reads the newest lines; what the pump writes in between
/// must be printed once, in order, whatever the machine's load makes of that gap.
/// </summary>
public sealed class JournalctlFollowTests
{
    private static LogRecord[] Lines(string prefix, int count)
        => [.. Enumerable.Range(1, count).Select(i => Records.Make("f.service", $"{prefix} {i}"))];

    private static IEnumerable<string> Numbered(string prefix, int from, int count)
        => Enumerable.Range(from, count).Select(i => $"{prefix} {i}\n");

    /// <summary>
    /// <c>journalctl -f</c> (10 lines) over 20 "old" lines, with <paramref name="between"/> lines written right after
    /// it takes its position and <paramref name="fresh"/> "new" ones after its first read; its output.
    /// </summary>
    private static string FollowWithGap(int between, int fresh)
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Lines("old", 20));
        using var stop = new CancellationTokenSource();
        using var file = Sinks.Reader(root.Path);
        var reader = new InterleavingReader(file)
        {
            AfterTail = () => TestJournal.Write(root, Lines("between", between)),
            AfterReadAfter = call =>
            {
                if (call == 1) TestJournal.Write(root, Lines("new", fresh));
                else stop.Cancel();
            },
        };
        var output = new StringWriter { NewLine = "\n" };
        Assert.Equal(0, JournalctlCommand.Run(["-f", "-u", "f", "-o", "cat"], reader, output, TextWriter.Null,
            stop.Token));
        return output.ToString();
    }

    [Fact]
    public void LinesWrittenBetweenThePositionAndTheNewestReadArePrintedOnce()
    {
        var expected = Numbered("old", 14, 7).Concat(Numbered("between", 1, 3)).Concat(Numbered("new", 1, 2));
        Assert.Equal(string.Concat(expected), FollowWithGap(between: 3, fresh: 2));
    }

    [Fact]
    public void MoreThanTheInitialCountWrittenInThatGapAreNotPrintedAfterTheNewestOnes()
    {
        // A loaded machine: 15 lines land between taking the position and reading the newest 10.
        var expected = Numbered("between", 6, 10).Concat(Numbered("new", 1, 3));
        Assert.Equal(string.Concat(expected), FollowWithGap(between: 15, fresh: 3));
    }
}
