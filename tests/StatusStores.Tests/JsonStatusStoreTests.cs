using System.Text;
using Platform.Abstractions;

namespace Platform.StatusStores.Tests;

/// <summary>The contract against the JSON store, plus what is particular to its one-file-per-unit layout.</summary>
public sealed class JsonStatusStoreTests(ITestOutputHelper output) : StatusStoreContract(output)
{
    protected override string StoreName => "json";

    private string FileOf(string unit) => Path.Join(StateDirectory, unit + ".status");

    [Fact]
    public void EachUnitIsOneFileWithSystemdsLowercaseStateWordAndNoTemporaryLeftBehind()
    {
        var store = Open();
        store.Write(SampleStatus.Full("web.service") with { ActiveState = ActiveState.Failed });
        store.Write(SampleStatus.Full("web.service") with { ActiveState = ActiveState.Active });
        Assert.Equal([FileOf("web.service")], Directory.GetFiles(StateDirectory));
        var text = File.ReadAllText(FileOf("web.service"), Encoding.UTF8);
        Assert.Contains("\"ActiveState\": \"active\"", text);
        Assert.Contains($"\"BootId\": \"{Boot}\"", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"BootId\": \"BOOT\", \"ActiveState\": \"active\"}")]
    [InlineData("{\"Unit\": \"web.service\", \"BootId\": \"BOOT\", \"MainPid\": \"twelve\"}")]
    [InlineData("{\"Unit\": \"web.service\", \"BootId\": \"BOOT\", \"MainPid\": 99999999999}")]
    [InlineData("{\"Unit\": \"web.service\", \"BootId\": \"BOOT\", \"ActiveState\": \"exploded\"}")]
    [InlineData("{\"Unit\": \"web.service\", \"BootId\": \"BOOT\", \"Extra\": {\"k\": 1}}")]
    [InlineData("{\"Unit\": \"web.service\", \"BootId\": \"BOOT\"} trailing")]
    [InlineData("\u0000\u0001\u0002")]
    public void ADamagedFileReadsAsNoRecordAndIsReplacedByTheNextWrite(string content)
    {
        var store = Open();
        store.Write(SampleStatus.Sparse("good.service"));
        File.WriteAllText(FileOf("web.service"), content.Replace("BOOT", Boot));
        Assert.Null(store.Read("web.service"));
        Assert.True(((IDamageReportingStatusStore)store).IsDamaged("web.service"));
        Assert.Equal(["good.service"], store.List().Select(r => r.Unit));
        store.Write(SampleStatus.Full("web.service"));
        AssertSame(SampleStatus.Full("web.service") with { BootId = Boot }, store.Read("web.service"));
        Assert.False(((IDamageReportingStatusStore)store).IsDamaged("web.service"));
    }

    [Fact]
    public void AMissingRecordOrOneOfAnEarlierBootIsNotDamaged()
    {
        var store = Open();
        File.WriteAllText(FileOf("old.service"), "{\"Unit\": \"old.service\", \"BootId\": \"an-earlier-boot\"}");
        var damage = (IDamageReportingStatusStore)store;
        Assert.False(damage.IsDamaged("none.service"));
        Assert.False(damage.IsDamaged("old.service"));
        Assert.Null(store.Read("old.service"));
    }

    [Fact]
    public void AHandWrittenMinimalRecordReadsWithDefaultsAndUnknownFieldsSkipped()
    {
        File.WriteAllText(FileOf("web.service"),
            $"{{\"FutureField\": {{\"a\": [1, 2]}}, \"Unit\": \"web.service\", \"BootId\": \"{Boot}\", "
                + $"\"ActiveState\": \"reloading\"}}");
        AssertSame(SampleStatus.Sparse("web.service") with { BootId = Boot, ActiveState = ActiveState.Reloading },
            Open().Read("web.service"));
    }

    [Fact]
    public void ARecordCutShortReadsAsNoRecord()
    {
        var store = Open();
        store.Write(SampleStatus.Full("web.service"));
        var bytes = File.ReadAllBytes(FileOf("web.service"));
        File.WriteAllBytes(FileOf("web.service"), bytes[..(bytes.Length / 2)]);
        Assert.Null(store.Read("web.service"));
        Assert.False(store.Delete("web.service"));
        Assert.False(File.Exists(FileOf("web.service")));
    }

    [Fact]
    public void LeftoverTemporaryFilesAndRenamedFilesAreNotRecords()
    {
        var store = Open();
        store.Write(SampleStatus.Full("web.service"));
        File.Copy(FileOf("web.service"), FileOf("web.service") + ".tmp.12345.0badf00d");
        File.Move(FileOf("web.service"), FileOf("other.service"));
        Assert.Null(store.Read("web.service"));
        Assert.Null(store.Read("other.service"));
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("../escape.service")]
    [InlineData("sub/dir.service")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public void UnitNamesThatAreNotPlainFileNamesAreRejected(string unit)
    {
        var store = Open();
        Assert.Throws<ArgumentException>(() => store.Read(unit));
        Assert.Throws<ArgumentException>(() => store.Write(SampleStatus.Sparse(unit)));
        Assert.Throws<ArgumentException>(() => store.Delete(unit));
        Assert.Empty(Directory.GetFiles(Root.Path, "*", SearchOption.AllDirectories));
    }
}
