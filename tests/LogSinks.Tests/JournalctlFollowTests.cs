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

    private static string Follow(InterleavingReader reader, CancellationToken stop)
    {
        var output = new StringWriter { NewLine = "\n" };
        Assert.Equal(0, JournalctlCommand.Run(["-f", "-u", "f", "-o", "cat"], reader, output, TextWriter.Null, stop));
        return output.ToString();
    }

    private static string Text(params IEnumerable<string>[] parts) => string.Join("", parts.SelectMany(p => p)
        .Select(l => l + "\n"));

    private static IEnumerable<string> Numbered(string prefix, int from, int count)
        => Enumerable.Range(from, count).Select(i => $"{prefix} {i}");

    [Fact]
    public void LinesWrittenBetweenThePositionAndTheNewestReadArePrintedOnce()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Lines("old", 20));
        using var stop = new CancellationTokenSource();
        using var file = Sinks.Reader(root.Path);
        var reader = new InterleavingReader(file)
        {
            AfterTail = () => TestJournal.Write(root, Lines("between", 3)),
            AfterReadAfter = call =>
            {
                if (call == 1) TestJournal.Write(root, Lines("new", 2));
                else stop.Cancel();
            },
        };

        Assert.Equal(Text(Numbered("old", 14, 7), Numbered("between", 1, 3), Numbered("new", 1, 2)),
            Follow(reader, stop.Token));
    }

    [Fact]
    public void MoreThanTheInitialCountWrittenInThatGapAreNotPrintedAfterTheNewestOnes()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Lines("old", 20));
        using var stop = new CancellationTokenSource();
        using var file = Sinks.Reader(root.Path);
        var reader = new InterleavingReader(file)
        {
            // A loaded machine: 15 lines land between taking the position and reading the newest 10.
            AfterTail = () => TestJournal.Write(root, Lines("between", 15)),
            AfterReadAfter = call =>
            {
                if (call == 1) TestJournal.Write(root, Lines("new", 3));
                else stop.Cancel();
            },
        };

        Assert.Equal(Text(Numbered("between", 6, 10), Numbered("new", 1, 3)), Follow(reader, stop.Token));
    }
}
