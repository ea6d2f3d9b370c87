using Platform.Abstractions;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

/// <summary>
/// Issue 11 item 10: the file journal on a full disk (a 64 KiB tmpfs mounted over the journal folder). The failure is
/// reported once; when there is room again writing resumes in a file with a valid header, nothing written after that
/// is hidden, and the unit's journal says how many lines were lost.
/// </summary>
public sealed class JournalFullDiskTests
{
    [RootFact]
    public void AFullDiskIsReportedOnceAndWritingResumesWhenThereIsRoomAgain()
    {
        using var root = new TempRoot();
        var journal = root.Combine("/var/log/journal");
        Directory.CreateDirectory(journal);
        var mount = CommandRunner.Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", journal]);
        Assert.True(mount.ExitCode == 0, "cannot mount a tmpfs: " + mount);
        try
        {
            var filler = Path.Join(journal, ".filler");
            var warnings = new List<string>();
            using (var sink = Sinks.File(root.Path, warnings))
            {
                Fill(filler);
                for (var i = 0; i < 200; i++)
                {
                    sink.Write(Records.Make("db.service", $"lost {i} " + new string('x', 200)));
                    if (i % 10 == 0) sink.Flush();
                }
                sink.Flush();
                var disk = Assert.Single(warnings);
                Assert.Equal($"log sink file: cannot write to {journal}: No space left on device", disk);

                File.Delete(filler);
                sink.Write(Records.Make("db.service", "after the disk had room"));
                sink.Flush();
                sink.Write(Records.Make("db.service", "and later"));
                sink.Flush();
                Assert.Single(warnings);
            }
            using var reader = Sinks.Reader(root.Path);
            var lines = reader.Read(new LogQuery { Units = ["db.service"] }).Select(r => r.MessageText).ToList();
            Assert.Contains("after the disk had room", lines);
            Assert.Equal("and later", lines[^1]);
            Assert.Contains(lines, l => l.StartsWith("Failed to write ", StringComparison.Ordinal)
                && l.EndsWith(", ignoring: No space left on device", StringComparison.Ordinal));
            Assert.Empty(reader.Damaged);
            Assert.True(reader.Verify(_ => { }));
        }
        finally
        {
            CommandRunner.Run("umount", ["-l", journal]);
        }
    }

    private static void Fill(string path)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true) { f.Write(block); f.Flush(); }
        }
        catch (IOException) { }
    }
}
