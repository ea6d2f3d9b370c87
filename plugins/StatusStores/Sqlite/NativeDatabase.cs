using System.Diagnostics;
using SQLitePCL;

namespace Platform.StatusStores.Sqlite;

/// <summary>
/// One SQLite connection through SQLitePCLRaw directly. Microsoft.Data.Sqlite would pull in System.Data.Common and
/// the component model just to parse a connection string: about four times the start-up cost of this.
/// </summary>
internal sealed class NativeDatabase : IDisposable
{
    private readonly sqlite3 _db;

    private NativeDatabase(sqlite3 db, string path, int busyTimeoutMs)
    {
        _db = db;
        Path = path;
        BusyTimeoutMs = busyTimeoutMs;
    }

    public string Path { get; }

    /// <summary>
    /// How long a statement waits for a lock another connection holds (see <see cref="NativeStatement.Step"/>).
    /// </summary>
    public int BusyTimeoutMs { get; }

    public static NativeDatabase Open(string path, int busyTimeoutMs)
    {
        // Sets the bundled e_sqlite3 provider; the native library resolves through the plugin's deps.json.
        Batteries_V2.Init();
        var rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE
            | raw.SQLITE_OPEN_NOMUTEX, null);
        var database = new NativeDatabase(db, path, busyTimeoutMs);
        try
        {
            database.Check(rc, "open");
            // No SQLite busy handler: its back-off grows to 100 ms sleeps, and in a measured race one writer in a
            // loop starved the others for seconds. RetryWhileBusy polls every few milliseconds instead.
            database.Check(raw.sqlite3_busy_timeout(db, 0), "set busy timeout");
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public NativeStatement Prepare(string sql)
    {
        sqlite3_stmt? statement = null;
        // Preparing reads the schema, which can meet a lock too (another process switching to WAL).
        var rc = RetryWhileBusy(() =>
        {
            statement?.Dispose();
            return raw.sqlite3_prepare_v2(_db, sql, out statement);
        });
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw Error(rc, "prepare");
        }
        return new NativeStatement(this, statement!, sql);
    }

    /// <summary>
    /// Repeats <paramref name="call"/> while another connection holds a lock, until <see cref="BusyTimeoutMs"/>
    /// passes, running <paramref name="beforeRetry"/> before each repeat. Short sleeps first, so a waiting writer
    /// gets in between the commits of a busy one.
    /// </summary>
    public int RetryWhileBusy(Func<int> call, Action? beforeRetry = null)
    {
        var rc = call();
        if (!IsBusy(rc)) return rc;
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; IsBusy(rc) && clock.ElapsedMilliseconds < BusyTimeoutMs; attempt++)
        {
            beforeRetry?.Invoke();
            Thread.Sleep(attempt < 100 ? 1 : 5);
            rc = call();
        }
        return rc;
    }

    /// <summary>Runs a statement that returns nothing of interest.</summary>
    public void Execute(string sql)
    {
        using var statement = Prepare(sql);
        while (statement.Step()) { }
    }

    /// <summary>The first column of the first row as an integer (e.g. a PRAGMA's value).</summary>
    public long ScalarInt64(string sql)
    {
        using var statement = Prepare(sql);
        return statement.Step() ? statement.ColumnInt64(0) : 0;
    }

    /// <summary>The first column of the first row as text.</summary>
    public string? ScalarText(string sql)
    {
        using var statement = Prepare(sql);
        return statement.Step() ? statement.ColumnText(0) : null;
    }

    /// <summary>
    /// Starts a write transaction, waiting for the write lock now rather than failing at the first write.
    /// </summary>
    public void BeginImmediate() => Execute("BEGIN IMMEDIATE");

    public void Commit() => Execute("COMMIT");

    /// <summary>Undoes an open transaction; quiet when there is none (SQLite may have rolled back already).</summary>
    public void Rollback()
    {
        if (raw.sqlite3_get_autocommit(_db) == 0) raw.sqlite3_exec(_db, "ROLLBACK");
    }

    public void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE) throw Error(rc, what);
    }

    public IOException Error(int rc, string what)
    {
        var message = _db.IsInvalid ? raw.sqlite3_errstr(rc).utf8_to_string()
            : raw.sqlite3_errmsg(_db).utf8_to_string();
        return new IOException($"status database {Path}: {what}: {message} (sqlite code {rc})");
    }

    public void Dispose() => _db.Dispose();

    private static bool IsBusy(int rc) => (rc & 0xff) == raw.SQLITE_BUSY;
}
