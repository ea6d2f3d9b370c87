using Platform.Abstractions;
using Platform.LogSinks.FileJournal;

namespace Platform.Fuzz.Targets;

/// <summary>
/// A journal file as the disk holds it after a crash, a full disk or tampering: written to a tmpfs file and read back
/// through the file sink's reader as journalctl reads it. The first byte picks the reading (all records, the newest
/// ones and a follow position, or <c>--verify</c>), the rest is the file: one reading per input instead of all three
/// keeps every path covered at three times the executions per second.
/// </summary>
internal sealed class JournalFileTarget : IFuzzTarget, IDisposable
{
    private readonly string _directory;
    private readonly string _file;
    private readonly FileLogReader _reader = new();

    public JournalFileTarget()
    {
        var tmp = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _directory = Path.Join(tmp, $"platform-fuzz-journal-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _file = Path.Join(_directory, "fuzz.service.journal");
        _reader.Open(new LogSinkContext("/", new Dictionary<string, string> { ["Directory"] = _directory }, _ => { }));
    }

    public string Name => "journal";
    public string Corpus => "journal";

    public void Run(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return;
        using (var f = new FileStream(_file, FileMode.Create, FileAccess.Write)) f.Write(data[1..]);
        var query = new LogQuery { Units = ["fuzz.service"] };
        switch (data[0] % 3)
        {
            case 0:
                foreach (var record in _reader.Read(query)) _ = record.Message.Length;
                break;
            case 1:
                _ = _reader.Tail(query);
                object position = new();
                _reader.ReadAfter(query, ref position);
                break;
            default:
                JournalVerifier.Verify(_file, _ => { });
                break;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
