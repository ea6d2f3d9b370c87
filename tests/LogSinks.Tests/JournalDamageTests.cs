using System.Diagnostics;
using Platform.Abstractions;
using Platform.LogSinks.FileJournal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

/// <summary>
/// Issue 11 item 10: a damaged record or file costs only itself (readers resynchronise, journalctl warns and exits
/// non-zero, <c>journalctl --verify</c> names the file), and rotation that drops lines says how many.
/// </summary>
public sealed class JournalDamageTests
{
    private static readonly LogQuery Db = new() { Units = ["db.service"] };

    [Fact]
    public void ACorruptRecordCostsOnlyItselfAndReadersResynchronise()
    {
        using var root = new TempRoot();
        var path = WriteThree(root);
        Corrupt(path, RecordOffset(path, 1) + 30);
        using var reader = Sinks.Reader(root.Path);
        Assert.Equal(["one", "three"], reader.Read(Db).Select(r => r.MessageText));
        Assert.Equal(1, reader.Damaged[path]);
    }

    [Fact]
    public void ACorruptLengthFieldDoesNotHideTheRecordsAfterIt()
    {
        using var root = new TempRoot();
        var path = WriteThree(root);
        // A length that points far past the end of the file: the record looks incomplete, yet "three" follows.
        var at = RecordOffset(path, 1);
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            f.Position = at;
            f.Write([0x00, 0x00, 0x10, 0x00]);
        }
        using var reader = Sinks.Reader(root.Path);
        Assert.Equal(["one", "three"], reader.Read(Db).Select(r => r.MessageText));
        object position = new();
        Assert.Equal(["one", "three"], reader.ReadAfter(Db, ref position).Select(r => r.MessageText));
    }

    [Fact]
    public void ARecordStillBeingWrittenIsNotDamageAndIsReadOnceTheWriterCompletesIt()
    {
        using var root = new TempRoot();
        var path = WriteThree(root);
        var bytes = File.ReadAllBytes(path);
        var second = (int)RecordOffset(path, 1);
        var third = (int)RecordOffset(path, 2);
        var half = third + (bytes.Length - third) / 2;
        // The writer is in the middle of appending "three": half of it is in the file.
        File.WriteAllBytes(path, bytes[..half]);
        using var reader = Sinks.Reader(root.Path);
        object position = new();
        Assert.Equal(["one", "two"], reader.ReadAfter(Db, ref position).Select(r => r.MessageText));

        // It completes "three" and appends another record ("one" again) before the next read.
        using (var f = new FileStream(path, FileMode.Append, FileAccess.Write))
        {
            f.Write(bytes.AsSpan(half));
            f.Write(bytes.AsSpan(JournalFileFormat.HeaderSize, second - JournalFileFormat.HeaderSize));
        }

        Assert.Equal(["three", "one"], reader.ReadAfter(Db, ref position).Select(r => r.MessageText));
        Assert.False(reader.Damaged.ContainsKey(path));
    }

    [Fact]
    public void TheWriterKeepsRecordsAfterADamagedOneWhenItReopens()
    {
        using var root = new TempRoot();
        var path = WriteThree(root);
        Corrupt(path, RecordOffset(path, 1) + 30);
        using (var sink = Sinks.File(root.Path)) sink.Write(Records.Make("db.service", "four"));
        using var reader = Sinks.Reader(root.Path);
        Assert.Equal(["one", "three", "four"], reader.Read(Db).Select(r => r.MessageText));
    }

    [Fact]
    public void VerifyPassesIntactFilesAndFailsDamagedOnes()
    {
        using var root = new TempRoot();
        var path = WriteThree(root);
        using (var sink = Sinks.File(root.Path)) sink.Write(Records.Make("web.service", "fine"));
        var lines = new List<string>();
        using (var reader = Sinks.Reader(root.Path)) Assert.True(reader.Verify(lines.Add));
        Assert.Equal([$"PASS: {path}", $"PASS: {root.Combine("/var/log/journal/web.service.journal")}"], lines);

        Corrupt(path, RecordOffset(path, 1) + 30);
        lines.Clear();
        using (var reader = Sinks.Reader(root.Path)) Assert.False(reader.Verify(lines.Add));
        Assert.Contains(lines, l =>
            l.StartsWith($"FAIL: {path} (Bad message: damaged record", StringComparison.Ordinal));
        Assert.Contains($"PASS: {root.Combine("/var/log/journal/web.service.journal")}", lines);
    }

    [Fact]
    public void PublishedJournalctlWarnsAndExitsNonZeroOnDamageAndVerifies()
    {
        using var root = new TempRoot();
        var path = WriteThree(root);
        Assert.Equal(0, CommandRunner.Run(Published.Journalctl, ["--root=" + root.Path, "--verify"]).ExitCode);
        Corrupt(path, RecordOffset(path, 1) + 30);

        var show = CommandRunner.Run(Published.Journalctl, ["--root=" + root.Path, "-u", "db", "-o", "cat"]);
        Assert.Equal("one\nthree\n", show.Stdout);
        Assert.Equal(
            $"Journal file {path} is corrupted: 1 damaged part(s) skipped. Check it with journalctl --verify.\n",
            show.Stderr);
        Assert.Equal(1, show.ExitCode);

        var verify = CommandRunner.Run(Published.Journalctl, ["--root=" + root.Path, "--verify"]);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"FAIL: {path} (Bad message: damaged record", verify.Stderr);
    }

    [Fact]
    public void RotationThatDropsLinesSaysHowMany()
    {
        using var root = new TempRoot();
        const int written = 3000;
        using (var sink = Sinks.File(root.Path, null, ("MaxFileSize", "16K"), ("MaxFiles", "2")))
            for (var i = 0; i < written; i++)
                sink.Write(Records.Make("db.service", $"line {i:D5} " + new string('x', 40)));
        using var reader = Sinks.Reader(root.Path);
        var kept = reader.Read(Db).Count();
        Assert.Equal(written - kept, reader.RotatedAway("db.service"));
        var result = TestJournal.Run(root, "-u", "db", "-o", "cat");
        Assert.StartsWith($"-- {written - kept} lines rotated away --\nline ", result.Stdout);
    }

    private static string WriteThree(TempRoot root)
    {
        TestJournal.Write(root, Records.Make("db.service", "one"), Records.Make("db.service", "two"),
            Records.Make("db.service", "three"));
        return root.Combine("/var/log/journal/db.service.journal");
    }

    /// <summary>Offset of the record with this index, walking the length prefixes.</summary>
    private static long RecordOffset(string path, int index)
    {
        var data = File.ReadAllBytes(path);
        long at = JournalFileFormat.HeaderSize;
        for (var i = 0; i < index; i++) at += BitConverter.ToInt32(data, (int)at) + JournalFileFormat.RecordOverhead;
        Debug.Assert(at < data.Length);
        return at;
    }

    private static void Corrupt(string path, long offset)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        f.Position = offset;
        var b = f.ReadByte();
        f.Position = offset;
        f.WriteByte((byte)(b ^ 0x5a));
    }
}
