using Platform.Abstractions;
using Platform.StatusStores.Json.Native;

namespace Platform.StatusStores.Json;

/// <summary>
/// The default status store: one UTF-8 JSON file per unit, <c>STATE/UNIT.status</c>. Writes go to a private
/// temporary file that is flushed to disk and renamed over the record, so every reader sees either the whole old
/// record or the whole new one. Records of another boot, and files that do not parse, read as absent. A record is
/// opened without following links and trusted only when root or the caller owns it (anyone else could have named any
/// process in it for root's <c>stop</c> to kill); a record larger than <see cref="MaxRecordBytes"/> is not read into
/// memory. Both are reported once per unit through the context's warning line and read as absent.
/// </summary>
[ExportStatusStore("json")]
public sealed class JsonStatusStore : IStatusStore, IDamageReportingStatusStore
{
    private const string Suffix = ".status";

    /// <summary>The largest record read; real ones are a few KiB.</summary>
    public const long MaxRecordBytes = 1 << 20;

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private string _directory = "";
    private string _bootId = "";
    private Action<string> _warn = _ => { };

    /// <inheritdoc />
    public void Open(StatusStoreContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _directory = context.StateDirectory;
        _bootId = context.BootId;
        _warn = context.Warn ?? _warn;
    }

    /// <inheritdoc />
    public UnitStatus? Read(string unit) => ReadFile(PathOf(unit), unit);

    /// <inheritdoc />
    public void Write(UnitStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var target = PathOf(status.Unit);
        var bytes = UnitStatusJsonWriter.ToUtf8(status with { BootId = _bootId });
        Directory.CreateDirectory(_directory);
        // The pid and a random part keep racing writers (threads or processes) off each other's file.
        var temporary = $"{target}.tmp.{Environment.ProcessId}.{Random.Shared.Next():x8}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                bufferSize: 0))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public bool Delete(string unit)
    {
        var path = PathOf(unit);
        var existed = ReadFile(path, unit) is not null;
        // A stale or damaged file goes too, but only a current record counts as having existed.
        TryDelete(path);
        return existed;
    }

    /// <inheritdoc />
    public IReadOnlyList<UnitStatus> List()
    {
        var records = new List<UnitStatus>();
        if (!Directory.Exists(_directory)) return records;
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Suffix))
        {
            var name = Path.GetFileName(path);
            if (!name.EndsWith(Suffix, StringComparison.Ordinal)) continue;
            var record = ReadFile(path, name[..^Suffix.Length]);
            if (record is not null) records.Add(record);
        }
        records.Sort(static (a, b) => string.CompareOrdinal(a.Unit, b.Unit));
        return records;
    }

    /// <inheritdoc />
    public bool IsDamaged(string unit)
    {
        var (bytes, oversized) = Load(PathOf(unit), unit);
        // Too large to read: its unit may still run, so it counts as damaged and the host recovers from the process
        // table.
        if (oversized) return true;
        if (bytes is null) return false;
        // A record of an earlier boot is stale, not damaged: nothing of it runs any more.
        var record = UnitStatusJsonReader.Parse(bytes);
        return record is null || (record.BootId == _bootId && record.Unit != unit);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private UnitStatus? ReadFile(string path, string unit)
    {
        if (Load(path, unit).Bytes is not { } bytes) return null;
        var record = UnitStatusJsonReader.Parse(bytes);
        // A file renamed by hand to another unit's name is not that unit's record.
        if (record is null || record.BootId != _bootId || record.Unit != unit) return null;
        return record;
    }

    /// <summary>
    /// The record's bytes; null when it is missing or must not be trusted (then one warning says why).
    /// </summary>
    private (byte[]? Bytes, bool Oversized) Load(string path, string unit)
    {
        (Microsoft.Win32.SafeHandles.SafeFileHandle Handle, uint Uid, long Size)? opened;
        try { opened = RecordFile.OpenRecord(path); }
        catch (IOException e)
        {
            WarnOnce(unit, $"Warning: cannot read status record of {unit}: {e.Message}");
            return (null, false);
        }
        if (opened is not var (handle, uid, size)) return (null, false);
        using (handle)
        {
            if (uid != 0 && uid != RecordFile.EffectiveUserId)
            {
                WarnOnce(unit,
                    $"Warning: ignoring status record {path}: owned by uid {uid}, neither root nor the caller.");
                return (null, false);
            }
            if (size > MaxRecordBytes)
            {
                WarnOnce(unit,
                    $"Warning: status record {path} is {size} bytes, more than the {MaxRecordBytes} a record may have; "
                    + $"not read.");
                return (null, true);
            }
            var bytes = new byte[size];
            var done = 0;
            while (done < bytes.Length)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(done), done);
                if (n <= 0) break;
                done += n;
            }
            return (done == bytes.Length ? bytes : bytes[..done], false);
        }
    }

    private void WarnOnce(string unit, string message)
    {
        if (_warned.Add(unit)) _warn(message);
    }

    private string PathOf(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Length == 0 || unit is "." or ".." || unit.Contains('/') || unit.Contains('\0'))
            throw new ArgumentException($"invalid unit name '{unit}': it must be a plain file name (no '/', not '..')",
                nameof(unit));
        return Path.Join(_directory, unit + Suffix);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
