using Platform.Abstractions;
using Platform.LogSinks.Common;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// The default sink: per-unit journal files under <c>ROOT/var/log/journal/</c> (<c>web.service.journal</c>, rotated
/// by size to <c>web.service.journal.1</c> ...), which <c>journalctl</c> and <c>systemctl status</c> read back with
/// <see cref="FileLogReader"/>. Settings: <c>Directory</c> (root-relative, default <c>/var/log/journal</c>),
/// <c>MaxFileSize</c> (default 8M), <c>MaxFiles</c> (files per unit including the active one, default 5).
/// </summary>
[ExportLogSink("file")]
public sealed class FileLogSink : ILogSink
{
    private const int MaxOpenUnits = 128;
    private const int BufferBytes = 64 * 1024;

    private readonly Dictionary<string, UnitState> _units = new(StringComparer.Ordinal);
    private bool _opened;
    private string _directory = "";
    private long _maxFileSize = 8 << 20;
    private int _maxFiles = 5;
    private byte[] _bootId = new byte[16];
    private string _hostname = "";
    private Action<string> _warn = _ => { };
    private bool _failing;
    private long _uses;

    /// <inheritdoc />
    public bool Open(LogSinkContext context)
    {
        var settings = new SinkSettings("file", context.Settings);
        _warn = context.Warn;
        _directory = FileLogReader.JournalDirectory(context.Root, settings);
        _maxFileSize = settings.Size("MaxFileSize", 8 << 20, context.Warn);
        _maxFiles = settings.Int("MaxFiles", 5, 1, context.Warn);
        _bootId = KernelBootId.Bytes();
        _hostname = Environment.MachineName;
        _opened = true;
        try
        {
            Directory.CreateDirectory(_directory);
            var probe = Path.Join(_directory, ".write-test-" + Environment.ProcessId);
            System.IO.File.WriteAllBytes(probe, []);
            System.IO.File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Warn($"log sink file: cannot write to {_directory}: {ErrorText.Describe(e)}");
            return false;
        }
    }

    /// <inheritdoc />
    public void Write(LogRecord record)
    {
        if (!_opened) return;
        try
        {
            var state = State(FileKey(record));
            var before = state.Encoder.Length;
            state.Encoder.Append(record, _bootId, record.Hostname ?? _hostname);
            state.Pending++;
            // Buffered records never straddle the size limit: what fits goes into the active file now, the new
            // record starts the next one, so every file stays within MaxFileSize (unless one record alone is larger).
            if (before > 0 && state.Encoder.Length > state.Writer.Room)
            {
                try { state.Writer.Write(state.Encoder.Data[..before]); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    state.Lost += state.Pending - 1;
                    state.Pending = 1;
                    state.Encoder.DropFront(before);
                    throw;
                }
                state.Encoder.DropFront(before);
                state.Pending = 1;
                Recovered(state);
                if (state.Pending > 1) Drain(state);
            }
            if (state.Encoder.Length >= BufferBytes) Drain(state);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Fail(e); }
    }

    /// <inheritdoc />
    public void Flush()
    {
        foreach (var state in _units.Values)
        {
            try { Drain(state); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Fail(e); }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        foreach (var state in _units.Values) state.Writer.Dispose();
        _units.Clear();
    }

    /// <summary>
    /// The file a record goes to: its unit's, or for a record the pump could tie to no unit, one file per writing user
    /// (<c>user-UID</c>, journald's split), so writers cannot make a file per name they choose.
    /// </summary>
    private static string FileKey(LogRecord record)
    {
        if (record.Unit.Length > 0) return record.Unit;
        var uid = record.Fields is { } f && f.TryGetValue("_UID", out var u) ? u : "unknown";
        return "user-" + uid;
    }

    private UnitState State(string unit)
    {
        if (!_units.TryGetValue(unit, out var state))
        {
            if (_units.Count >= MaxOpenUnits) CloseLeastUsed();
            state = new UnitState(unit, new UnitJournalWriter(_directory, JournalFileNames.Escape(unit), _maxFileSize,
                _maxFiles));
            _units[unit] = state;
        }
        state.Writer.LastUse = ++_uses;
        return state;
    }

    private void CloseLeastUsed()
    {
        var oldest = _units.MinBy(u => u.Value.Writer.LastUse);
        Drain(oldest.Value);
        oldest.Value.Writer.Dispose();
        _units.Remove(oldest.Key);
    }

    private void Drain(UnitState state)
    {
        if (state.Encoder.Length == 0) return;
        // Records that cannot be written are dropped rather than retried forever; how many is said once it works again.
        try { state.Writer.Write(state.Encoder.Data); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            state.Lost += state.Pending;
            state.Reason = ErrorText.Describe(e);
            throw;
        }
        finally
        {
            state.Encoder.Clear();
            state.Pending = 0;
        }
        Recovered(state);
    }

    /// <summary>
    /// The first write after a failure succeeded: the unit's own journal gets one line (queued behind what is
    /// buffered) saying how many lines were lost and why (so <c>systemctl status</c> shows it, as it shows journald's
    /// complaints), and a later failure is reported again.
    /// </summary>
    private void Recovered(UnitState state)
    {
        _failing = false;
        if (state.Lost == 0) return;
        var message =
            $"Failed to write {state.Lost} entries to {state.Writer.ActivePath}, ignoring: "
            + $"{state.Reason ?? ErrorText.Strerror(28)}";
        state.Lost = 0;
        var now = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        state.Encoder.Append(new LogRecord
        {
            Unit = state.Unit, RealtimeUsec = now, MonotonicUsec = Environment.TickCount64 * 1000, Priority = 4,
            Identifier = "systemd-journald", Pid = Environment.ProcessId,
                Message = System.Text.Encoding.UTF8.GetBytes(message),
        }, _bootId, _hostname);
        state.Pending++;
    }

    private void Fail(Exception e)
    {
        foreach (var state in _units.Values)
            if (state.Lost > 0) state.Reason ??= ErrorText.Describe(e);
        if (_failing) return;
        _failing = true;
        _warn($"log sink file: cannot write to {_directory}: {ErrorText.Describe(e)}");
    }

    private sealed record UnitState(string Unit, UnitJournalWriter Writer)
    {
        public RecordEncoder Encoder { get; } = new();

        /// <summary>Records in <see cref="Encoder"/>.</summary>
        public int Pending { get; set; }

        /// <summary>Records dropped by failed writes since the last successful one.</summary>
        public long Lost { get; set; }

        public string? Reason { get; set; }
    }
}
