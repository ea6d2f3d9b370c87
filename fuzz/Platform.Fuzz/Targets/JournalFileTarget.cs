using Platform.Abstractions;
using Platform.LogSinks.FileJournal;

namespace Platform.Fuzz.Targets;

/// <summary>
/// A journal file as the disk holds it after a crash, a full disk or tampering: written to a tmpfs file and read back
/// through the file sink's reader (all records, then the newest ones, then a follow position), as journalctl reads.
/// </summary>
internal sealed class JournalFileTarget : IFuzzTarget, IDisposable
{
    private readonly string _directory;
    private readonly string _file;
    private readonly FileLogSink _sink = new();

    public JournalFileTarget()
    {
        var tmp = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _directory = Path.Join(tmp, $"platform-fuzz-journal-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _file = Path.Join(_directory, "fuzz.service.journal");
        _sink.Open(new LogSinkContext("/", new Dictionary<string, string> { ["Directory"] = _directory,
            ["ReadOnly"] = "true" }, _ => { }));
    }

    public string Name => "journal";
    public string Corpus => "journal";

    public void Run(ReadOnlySpan<byte> data)
    {
        using (var f = new FileStream(_file, FileMode.Create, FileAccess.Write)) f.Write(data);
        var query = new LogQuery { Units = ["fuzz.service"] };
        foreach (var record in _sink.Read(query)) _ = record.Message.Length;
        _ = _sink.Tail(query);
        object position = new();
        _sink.ReadAfter(query, ref position);
        JournalVerifier.Verify(_file, _ => { });
    }

    public void Dispose()
    {
        _sink.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
