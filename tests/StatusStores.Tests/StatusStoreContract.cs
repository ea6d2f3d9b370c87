using Platform.Abstractions;
using Platform.TestSupport;

namespace Platform.StatusStores.Tests;

/// <summary>
/// What every <see cref="IStatusStore"/> must do; each store's test class derives from this and supplies the store.
/// Record semantics are here, concurrency and loading in the other part of this class.
/// </summary>
public abstract partial class StatusStoreContract : IDisposable
{
    private readonly List<IStatusStore> _opened = [];

    protected StatusStoreContract(ITestOutputHelper output)
    {
        Output = output;
        Root = new TempRoot("status-store-");
        StateDirectory = Root.Combine("/var/lib/platform/status");
        Directory.CreateDirectory(StateDirectory);
    }

    protected ITestOutputHelper Output { get; }
    protected TempRoot Root { get; }
    protected string StateDirectory { get; }
    protected string Boot { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The export name, also how a helper process creates the same store.</summary>
    protected abstract string StoreName { get; }

    protected IStatusStore Open(string? bootId = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var store = StoreFactory.Create(StoreName);
        store.Open(new StatusStoreContext(StateDirectory, bootId ?? Boot,
            settings ?? new Dictionary<string, string>()));
        lock (_opened) _opened.Add(store);
        return store;
    }

    [Fact]
    public void EveryFieldSurvivesAWriteAndARead()
    {
        var store = Open();
        var full = SampleStatus.Full("web.service");
        store.Write(full);
        AssertSame(full with { BootId = Boot }, Open().Read("web.service"));
    }

    [Fact]
    public void NullsDefaultsAndAnEmptyExtraSurviveAWriteAndARead()
    {
        var store = Open();
        var sparse = SampleStatus.Sparse("sparse.service");
        store.Write(sparse);
        var read = Open().Read("sparse.service");
        AssertSame(sparse with { BootId = Boot }, read);
        Assert.Null(read!.StatusText);
        Assert.Empty(read.Extra);
    }

    [Fact]
    public void WriteReplacesTheRecordAndStampsTheCurrentBoot()
    {
        var store = Open();
        store.Write(SampleStatus.Full("web.service"));
        var second = SampleStatus.Sparse("web.service") with { BootId = "some-other-boot", MainPid = 99 };
        store.Write(second);
        AssertSame(second with { BootId = Boot }, store.Read("web.service"));
    }

    [Fact]
    public void ReadingAUnitThatWasNeverWrittenGivesNull()
    {
        var store = Open();
        store.Write(SampleStatus.Sparse("other.service"));
        Assert.Null(store.Read("never-written.service"));
    }

    [Fact]
    public void DeleteSaysWhetherARecordExisted()
    {
        var store = Open();
        store.Write(SampleStatus.Full("web.service"));
        Assert.True(store.Delete("web.service"));
        Assert.Null(store.Read("web.service"));
        Assert.False(store.Delete("web.service"));
        Assert.False(store.Delete("never-written.service"));
    }

    [Fact]
    public void ListReturnsEveryRecordOfTheCurrentBootOnly()
    {
        Open("earlier-boot").Write(SampleStatus.Full("old.service"));
        var store = Open();
        string[] units = ["b.service", "a.socket", "getty@tty1.service"];
        foreach (var unit in units) store.Write(SampleStatus.Full(unit));
        var listed = store.List();
        Assert.Equal(units.Order(StringComparer.Ordinal), listed.Select(r => r.Unit).Order(StringComparer.Ordinal));
        Assert.All(listed, r => AssertSame(SampleStatus.Full(r.Unit) with { BootId = Boot }, r));
    }

    [Fact]
    public void ARecordFromAPreviousBootIsIgnored()
    {
        Open("boot-before-the-image-was-saved").Write(SampleStatus.Full("web.service"));
        var store = Open();
        Assert.Null(store.Read("web.service"));
        Assert.Empty(store.List());
        Assert.False(store.Delete("web.service"));
        var fresh = SampleStatus.Sparse("web.service") with { MainPid = 17 };
        store.Write(fresh);
        AssertSame(fresh with { BootId = Boot }, Open().Read("web.service"));
    }

    [Theory]
    [InlineData("getty@tty1.service")]
    [InlineData(@"dev-disk-by\x2duuid-0f3a\x2d11.device")]
    [InlineData("sys-devices-platform-serial8250-tty-ttyS1.device")]
    [InlineData("user@1000.service")]
    [InlineData("-.mount")]
    public void UnitNamesWithEscapesDashesAndAtSignsWork(string unit)
    {
        var store = Open();
        store.Write(SampleStatus.Full(unit));
        AssertSame(SampleStatus.Full(unit) with { BootId = Boot }, Open().Read(unit));
        Assert.Equal([unit], store.List().Select(r => r.Unit));
        Assert.True(store.Delete(unit));
    }

    protected static void AssertSame(UnitStatus expected, UnitStatus? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Extra = actual.Extra }, actual);
        Assert.Equal(expected.Extra.OrderBy(p => p.Key, StringComparer.Ordinal),
            actual.Extra.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    public void Dispose()
    {
        lock (_opened)
            foreach (var store in _opened) store.Dispose();
        Root.Dispose();
        GC.SuppressFinalize(this);
    }
}
