using System.Globalization;
using Platform.Abstractions;

namespace Platform.StatusStores.Sqlite;

/// <summary>
/// Keeps every unit's record in one SQLite database, <c>STATE/status.db</c>, in WAL mode so readers never wait for
/// writers; each change is one <c>BEGIN IMMEDIATE</c> transaction. Settings: <c>Path</c> (another database file;
/// relative paths are taken from the state directory) and <c>BusyTimeoutMs</c> (how long a change waits for a
/// lock another process holds; default 5000).
/// </summary>
[ExportStatusStore("sqlite")]
public sealed class SqliteStatusStore : IStatusStore
{
    private NativeDatabase? _database;
    private string _bootId = "";

    /// <inheritdoc />
    public void Open(StatusStoreContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _bootId = context.BootId;
        var path = context.Settings.TryGetValue("Path", out var configured) && configured.Length > 0
            ? Path.Combine(context.StateDirectory, configured)
            : Path.Join(context.StateDirectory, "status.db");
        if (DatabaseFileCheck.Refusal(path) is { } why)
            throw new InvalidOperationException($"Refusing to use status database: {why}.");
        _database = SqliteSchema.Open(path, BusyTimeout(context.Settings));
    }

    /// <inheritdoc />
    public UnitStatus? Read(string unit)
    {
        CheckName(unit);
        using var select = Database.Prepare("SELECT data FROM unit_status WHERE unit = $unit AND boot_id = $boot")
            .Bind("$unit", unit).Bind("$boot", _bootId);
        return select.Step() ? Parse(select.ColumnUtf8(0), unit) : null;
    }

    /// <inheritdoc />
    public void Write(UnitStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        CheckName(status.Unit);
        var stamped = status with { BootId = _bootId };
        var data = UnitStatusJsonWriter.ToUtf8(stamped);
        InTransaction(database =>
        {
            using (var upsert = database.Prepare("""
                INSERT OR REPLACE INTO unit_status (unit, boot_id, active_state, sub_state, result, main_pid, data)
                VALUES ($unit, $boot, $active, $sub, $result, $pid, $data)
                """))
            {
                upsert.Bind("$unit", stamped.Unit).Bind("$boot", _bootId)
                    .Bind("$active", ActiveStateWords.ToWord(stamped.ActiveState))
                    .Bind("$sub", stamped.SubState).Bind("$result", stamped.Result).Bind("$pid", stamped.MainPid)
                        .BindUtf8("$data", data);
                upsert.Step();
            }
            // Records of earlier boots can never be read again; this write holds the lock anyway, so drop them.
            using var purge = database.Prepare("DELETE FROM unit_status WHERE boot_id <> $boot").Bind("$boot", _bootId);
            purge.Step();
            return true;
        });
    }

    /// <inheritdoc />
    public bool Delete(string unit)
    {
        CheckName(unit);
        return InTransaction(database =>
        {
            using var delete = database.Prepare("DELETE FROM unit_status WHERE unit = $unit RETURNING boot_id")
                .Bind("$unit", unit);
            var existed = false;
            while (delete.Step()) existed |= delete.ColumnText(0) == _bootId;
            return existed;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<UnitStatus> List()
    {
        var records = new List<UnitStatus>();
        using var select = Database.Prepare("SELECT unit, data FROM unit_status WHERE boot_id = $boot ORDER BY unit")
            .Bind("$boot", _bootId);
        while (select.Step())
            if (Parse(select.ColumnUtf8(1), select.ColumnText(0)!) is { } record) records.Add(record);
        return records;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _database?.Dispose();
        _database = null;
    }

    private NativeDatabase Database =>
        _database ?? throw new InvalidOperationException("the sqlite status store is not open");

    private T InTransaction<T>(Func<NativeDatabase, T> change)
    {
        var database = Database;
        database.BeginImmediate();
        try
        {
            var result = change(database);
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    private UnitStatus? Parse(ReadOnlySpan<byte> data, string unit)
    {
        var record = UnitStatusJsonReader.Parse(data);
        return record is not null && record.Unit == unit && record.BootId == _bootId ? record : null;
    }

    private static void CheckName(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Length == 0) throw new ArgumentException("invalid unit name: it is empty", nameof(unit));
    }

    private static int BusyTimeout(IReadOnlyDictionary<string, string> settings)
    {
        if (!settings.TryGetValue("BusyTimeoutMs", out var text)) return 5000;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return ms;
        throw new ArgumentException(
            $"StatusStore.sqlite.BusyTimeoutMs must be a whole number of milliseconds, not '{text}'");
    }
}
