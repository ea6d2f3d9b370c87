using SQLitePCL;

namespace Platform.StatusStores.Sqlite;

/// <summary>A prepared statement: bind by <c>$name</c>, step, read columns; finalized on dispose.</summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly NativeDatabase _database;
    private readonly sqlite3_stmt _statement;
    private readonly string _sql;
    private bool _started;

    public NativeStatement(NativeDatabase database, sqlite3_stmt statement, string sql)
    {
        _database = database;
        _statement = statement;
        _sql = sql;
    }

    public NativeStatement Bind(string name, string? value)
    {
        var index = Index(name);
        _database.Check(value is null ? raw.sqlite3_bind_null(_statement, index)
            : raw.sqlite3_bind_text(_statement, index, value), "bind " + name);
        return this;
    }

    public NativeStatement BindUtf8(string name, ReadOnlySpan<byte> value)
    {
        _database.Check(raw.sqlite3_bind_text(_statement, Index(name), value), "bind " + name);
        return this;
    }

    public NativeStatement Bind(string name, long value)
    {
        _database.Check(raw.sqlite3_bind_int64(_statement, Index(name), value), "bind " + name);
        return this;
    }

    /// <summary>
    /// Advances to the next row; false when the statement is done. While another connection holds a lock the
    /// first step is retried (resetting is harmless then, nothing has run). Later steps cannot meet a lock: reads
    /// keep their WAL snapshot and writes run inside BEGIN IMMEDIATE, which already holds the write lock.
    /// </summary>
    public bool Step()
    {
        var rc = _started
            ? raw.sqlite3_step(_statement)
            : _database.RetryWhileBusy(() => raw.sqlite3_step(_statement), () => raw.sqlite3_reset(_statement));
        _started = true;
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        // The statement's first line names the failed step well enough (BEGIN IMMEDIATE, INSERT ..., SELECT ...).
        var firstLine = _sql.AsSpan().TrimStart();
        var end = firstLine.IndexOf('\n');
        throw _database.Error(rc, (end < 0 ? firstLine : firstLine[..end]).Trim().ToString());
    }

    public long ColumnInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string? ColumnText(int column)
        => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL
            ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>The column's UTF-8 bytes, valid until the next step.</summary>
    public ReadOnlySpan<byte> ColumnUtf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private int Index(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"no parameter {name} in the statement", nameof(name));
    }
}
