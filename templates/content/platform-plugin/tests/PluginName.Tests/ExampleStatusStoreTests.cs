using Platform.Abstractions;

namespace PluginName.Tests;

public sealed class ExampleStatusStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plugin-store-").FullName;

    private ExampleStatusStore Open(string bootId)
    {
        var store = new ExampleStatusStore();
        store.Open(new StatusStoreContext(_folder, bootId, new Dictionary<string, string>()));
        return store;
    }

    [Fact]
    public void RecordWrittenByOneStoreIsReadByAnotherOfTheSameBoot()
    {
        using (var writer = Open("boot-a"))
            writer.Write(new UnitStatus { Unit = "web.service", ActiveState = ActiveState.Active, SubState = "running", MainPid = 4242 });
        using var reader = Open("boot-a");
        var status = reader.Read("web.service");
        Assert.NotNull(status);
        Assert.Equal(ActiveState.Active, status.ActiveState);
        Assert.Equal(4242, status.MainPid);
        Assert.Equal("boot-a", status.BootId);
    }

    [Fact]
    public void RecordOfAnEarlierBootIsIgnored()
    {
        using (var writer = Open("boot-a"))
            writer.Write(new UnitStatus { Unit = "web.service", ActiveState = ActiveState.Active });
        using var reader = Open("boot-b");
        Assert.Null(reader.Read("web.service"));
        Assert.Empty(reader.List());
    }

    [Fact]
    public void DeleteRemovesTheRecordAndReportsWhetherOneExisted()
    {
        using var store = Open("boot-a");
        store.Write(new UnitStatus { Unit = "a.service" });
        store.Write(new UnitStatus { Unit = "b.service" });
        Assert.True(store.Delete("a.service"));
        Assert.False(store.Delete("a.service"));
        Assert.Equal("b.service", Assert.Single(store.List()).Unit);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
