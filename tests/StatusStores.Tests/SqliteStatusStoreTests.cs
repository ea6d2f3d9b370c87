using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Platform.StatusStores.Tests;

/// <summary>
/// The contract against the SQLite store, plus its database specifics: WAL, locking, settings, schema.
/// </summary>
public sealed class SqliteStatusStoreTests(ITestOutputHelper output) : StatusStoreContract(output)
{
    protected override string StoreName => "sqlite";

    private string DatabasePath => Path.Join(StateDirectory, "status.db");

    private SqliteConnection Connect(string? path = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path ?? DatabasePath,
            Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void TheDatabaseIsInWriteAheadLogModeWithAVersionedSchema()
    {
        Open().Write(SampleStatus.Full("web.service"));
        using var connection = Connect();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA user_version"));
        // The queryable columns hold systemd's words, for people inspecting the file with the sqlite3 tool.
        Assert.Equal("deactivating",
            Scalar(connection, "SELECT active_state FROM unit_status WHERE unit = 'web.service'"));
    }

    [Fact]
    public async Task AWriteWaitsForAnotherConnectionsWriteTransactionInsteadOfFailing()
    {
        var store = Open();
        using var other = Connect();
        using var transaction = other.BeginTransaction(deferred: false);
        var write = Task.Run(() => store.Write(SampleStatus.Full("web.service")));
        // Blocked for as long as the other transaction holds the lock (the busy timeout is far longer than this check).
        await Assert.ThrowsAsync<TimeoutException>(() => write.WaitAsync(TimeSpan.FromMilliseconds(300)));
        transaction.Commit();
        await write.WaitAsync(TimeSpan.FromSeconds(30));
        AssertSame(SampleStatus.Full("web.service") with { BootId = Boot }, store.Read("web.service"));
    }

    [Fact]
    public void AWriteGivesUpWithAClearErrorOnceTheBusyTimeoutPasses()
    {
        var store = Open(settings: new Dictionary<string, string> { ["BusyTimeoutMs"] = "200" });
        store.Write(SampleStatus.Sparse("web.service"));
        using var other = Connect();
        using var transaction = other.BeginTransaction(deferred: false);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<IOException>(() => store.Write(SampleStatus.Full("web.service")));
        Output.WriteLine($"gave up after {clock.ElapsedMilliseconds} ms: {error.Message}");
        Assert.Contains("locked", error.Message);
        Assert.Contains(DatabasePath, error.Message);
        Assert.True(clock.ElapsedMilliseconds >= 180,
            $"gave up after {clock.ElapsedMilliseconds} ms, before the 200 ms timeout");
        transaction.Rollback();
        AssertSame(SampleStatus.Sparse("web.service") with { BootId = Boot }, store.Read("web.service"));
    }

    [Fact]
    public void ThePathSettingPutsTheDatabaseElsewhere()
    {
        var absolute = Root.Combine("/elsewhere/custom.db");
        Open(settings: new Dictionary<string, string> { ["Path"] = absolute }).Write(SampleStatus.Full("a.service"));
        Open(settings: new Dictionary<string, string> { ["Path"] = "sub/relative.db" })
            .Write(SampleStatus.Full("b.service"));
        Assert.True(File.Exists(absolute));
        Assert.True(File.Exists(Path.Join(StateDirectory, "sub/relative.db")));
        Assert.False(File.Exists(DatabasePath));
        Assert.Equal(["a.service"], Open(settings: new Dictionary<string, string> { ["Path"] = absolute }).List()
            .Select(r => r.Unit));
    }

    [Fact]
    public void ABusyTimeoutThatIsNotANumberIsRejectedWithAClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Open(settings: new Dictionary<string, string> { ["BusyTimeoutMs"] = "soon" }));
        Assert.Contains("BusyTimeoutMs", error.Message);
        Assert.Contains("soon", error.Message);
    }

    [Fact]
    public void ADamagedRowReadsAsNoRecord()
    {
        var store = Open();
        store.Write(SampleStatus.Full("web.service"));
        using (var connection = Connect())
            Scalar(connection, "UPDATE unit_status SET data = '{\"Unit\": \"web.se' WHERE unit = 'web.service'");
        Assert.Null(store.Read("web.service"));
        Assert.Empty(store.List());
        store.Write(SampleStatus.Sparse("web.service"));
        AssertSame(SampleStatus.Sparse("web.service") with { BootId = Boot }, store.Read("web.service"));
    }

    [Fact]
    public void ADatabaseWithANewerSchemaIsRefused()
    {
        Open().Write(SampleStatus.Sparse("web.service"));
        using (var connection = Connect())
            Scalar(connection, "PRAGMA user_version = 99");
        var error = Assert.Throws<InvalidOperationException>(() => Open());
        Assert.Contains("schema 99", error.Message);
    }

    [Fact]
    public void ADatabaseFileOwnedBySomeoneElseIsRefusedAndLeftAlone()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "giving a file to another uid needs root");
        Open().Write(SampleStatus.Full("web.service"));
        File.SetUnixFileMode(DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Chown(DatabasePath, 65534);

        var error = Assert.Throws<InvalidOperationException>(() => Open());
        Assert.Equal(
            $"Refusing to use status database: {DatabasePath} is owned by uid 65534, neither root nor the caller.",
            error.Message);
        Chown(DatabasePath, 0);
        Assert.Equal(["web.service"], Open().List().Select(r => r.Unit));
    }

    [Fact]
    public void ADatabaseFileWritableByOthersOrALinkIsRefused()
    {
        Open().Write(SampleStatus.Full("web.service"));
        File.SetUnixFileMode(DatabasePath, File.GetUnixFileMode(DatabasePath) | UnixFileMode.OtherWrite);
        Assert.Contains("is writable by group or others", Assert.Throws<InvalidOperationException>(() => Open())
            .Message);

        var elsewhere = Root.Combine("/elsewhere.db");
        var link = Path.Join(StateDirectory, "linked.db");
        File.CreateSymbolicLink(link, elsewhere);
        var settings = new Dictionary<string, string> { ["Path"] = "linked.db" };
        Assert.Equal($"Refusing to use status database: {link} is a symbolic link.",
            Assert.Throws<InvalidOperationException>(() => Open(settings: settings)).Message);
        Assert.False(File.Exists(elsewhere));
    }

    private static void Chown(string path, int uid)
    {
        using var chown = Process.Start("chown", [uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            path]);
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
