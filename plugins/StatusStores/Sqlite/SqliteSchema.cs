namespace Platform.StatusStores.Sqlite;

/// <summary>Opens <c>status.db</c> with its WAL journal and the schema, created on first use.</summary>
internal static class SqliteSchema
{
    /// <summary>Bump with a migration step in <see cref="Create"/> whenever the table changes.</summary>
    public const long Version = 1;

    public static NativeDatabase Open(string path, int busyTimeoutMs)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var database = NativeDatabase.Open(path, busyTimeoutMs);
        try
        {
            var version = database.ScalarInt64("PRAGMA user_version");
            if (version > Version)
                throw new InvalidOperationException(
                    $"{path} has status schema {version}; this store knows up to {Version}");
            if (version < Version) Create(database);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static void Create(NativeDatabase database)
    {
        // WAL lets readers (is-active, status) run while a writer commits. The mode is stored in the file, so
        // this runs once; it cannot run inside a transaction.
        database.ScalarText("PRAGMA journal_mode = WAL");
        database.BeginImmediate();
        try
        {
            // Another process may have created the schema while this one waited for the write lock.
            if (database.ScalarInt64("PRAGMA user_version") < Version)
            {
                // Queryable columns for people with the sqlite3 tool; the record itself is the JSON in data.
                database.Execute("""
                    CREATE TABLE IF NOT EXISTS unit_status (
                        unit TEXT NOT NULL PRIMARY KEY,
                        boot_id TEXT NOT NULL,
                        active_state TEXT NOT NULL,
                        sub_state TEXT NOT NULL,
                        result TEXT NOT NULL,
                        main_pid INTEGER NOT NULL,
                        data TEXT NOT NULL
                    ) WITHOUT ROWID
                    """);
                database.Execute($"PRAGMA user_version = {Version}");
            }
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}
