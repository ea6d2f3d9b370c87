using System.Text;
using Platform.Journal.Tests.Support;
using static Platform.Journal.Tests.Support.JsonField;

namespace Platform.Journal.Tests;

/// <summary>Output that is not clean text: invalid UTF-8, control bytes, lines past journald's 48 KiB limit.</summary>
public sealed class BinaryAndLongLineTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void InvalidUtf8IsKeptByteExactAndJsonPrintsItAsAByteArray()
    {
        _box.Start("binary.service",
            "[Service]\n"
            + "ExecStart=/usr/bin/printf 'ok "
            + "text\\\\n\\\\377\\\\376bin\\\\001ary\\\\n\\\\303\\\\251t\\\\303\\\\251\\\\n'\n");
        _box.WaitForLines("binary", 3);

        var entries = _box.Json("-u", "binary");
        var raw = RawOutput.Journalctl(_box.Path, "-u", "binary", "-o", "cat");

        Assert.Equal(3, entries.Count);
        Assert.Equal("ok text", Text(entries[0], "MESSAGE"));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, entries[1].GetProperty("MESSAGE").ValueKind);
        Assert.Equal("FFFE62696E01617279", Convert.ToHexString(Bytes(entries[1].GetProperty("MESSAGE"))));
        Assert.Equal("été", Text(entries[2], "MESSAGE"));
        Assert.Equal("6F6B20746578740A" + "FFFE62696E016172790A" + "C3A974C3A90A", Convert.ToHexString(raw));
    }

    [Fact]
    public void ALineLongerThan48KiBIsSplitIntoLineMaxPiecesAsJournaldSplitsIt()
    {
        const int length = 120_000;
        // One process writes it all: a change of writing process would end the line early, as in journald.
        _box.Start("long.service", "[Service]\nExecStart=/usr/bin/awk 'BEGIN { for (i = 0; i < " + length
            + "; i++) printf \"y\"; print \"\"; print \"after\" }'\n");
        _box.WaitForLines("long", 4);

        var entries = _box.Json("-u", "long", "--all");

        var messages = entries.Select(e => Text(e, "MESSAGE")).ToList();
        Assert.Equal([49152, 49152, length - 2 * 49152, 5], messages.Select(m => m.Length));
        Assert.Equal(new string('y', length), string.Concat(messages.Take(3)));
        Assert.Equal("after", messages[3]);
        Assert.Equal(["line-max", "line-max"], entries.Take(2).Select(e => Text(e, "_LINE_BREAK")));
        Assert.False(entries[2].TryGetProperty("_LINE_BREAK", out _));
    }

    [Fact]
    public void ALastLineWithoutNewlineIsKeptWhenTheServiceEnds()
    {
        _box.Start("partial.service", "[Service]\nExecStart=/usr/bin/printf 'complete\\\\nno newline at the end'\n");

        var lines = _box.WaitForLines("partial", 2);

        Assert.Equal(["complete", "no newline at the end"], lines);
        Assert.Equal("eof", Text(_box.Json("-u", "partial")[1], "_LINE_BREAK"));
        Assert.Equal(Encoding.UTF8.GetBytes("complete\nno newline at the end\n"),
            RawOutput.Journalctl(_box.Path, "-u", "partial", "-o", "cat"));
    }
}
