using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.TestSupport;

namespace Platform.Host.Tests.Configuration;

public sealed class HostConfigurationTests
{
    private readonly List<string> _warnings = [];

    private HostConfiguration Parse(string text, params string[] overrides)
        => HostConfiguration.Parse(text, "/etc/platform/systemctl.conf", overrides, _warnings.Add);

    [Fact]
    public void AMissingFileGivesTheDefaults()
    {
        using var root = new TempRoot();
        var configuration = HostConfiguration.Load(root.Path, null, _warnings.Add);
        Assert.Equal(Path.Join(root.Path, "etc/platform/systemctl.conf"), configuration.FilePath);
        Assert.Equal("json", configuration.StatusStore);
        Assert.Equal(["file"], configuration.LogSinks);
        Assert.Equal("unix", configuration.NotifyTransport);
        Assert.Empty(configuration.PluginPath);
        Assert.Equal(TimeSpan.FromSeconds(90), configuration.DefaultTimeoutStartSec);
        Assert.Equal(TimeSpan.FromSeconds(90), configuration.DefaultTimeoutStopSec);
        Assert.Null(configuration.Get("StatusStore"));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void TheFileBelowTheRootIsReadWithCaseInsensitiveKeysAndLaterLinesWin()
    {
        using var root = new TempRoot();
        root.Write("/etc/platform/systemctl.conf", "StatusStore=json\nstatusstore = sqlite\nNOTIFYTRANSPORT=fifo\r\n");
        var configuration = HostConfiguration.Load(root.Path, [], _warnings.Add);
        Assert.Equal("sqlite", configuration.StatusStore);
        Assert.Equal("sqlite", configuration.Get("STATUSSTORE"));
        Assert.Equal("fifo", configuration.NotifyTransport);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void CommandLineOverridesWinOverTheFile()
    {
        var configuration = Parse("StatusStore=sqlite\nDefaultTimeoutStartSec=5\n", "statusstore=json",
            "DefaultTimeoutStartSec=1min 30s", "Extra=a=b");
        Assert.Equal("json", configuration.StatusStore);
        Assert.Equal(TimeSpan.FromSeconds(90), configuration.DefaultTimeoutStartSec);
        Assert.Equal("a=b", configuration.Get("extra"));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void CommentsBlankLinesAndSectionHeadersAreIgnored()
    {
        var configuration =
            Parse("# StatusStore=sqlite\n; NotifyTransport=fifo\n\n   \n[Manager]\n  LogSinks = file, fifo  \n");
        Assert.Equal("json", configuration.StatusStore);
        Assert.Equal("unix", configuration.NotifyTransport);
        Assert.Equal(["file", "fifo"], configuration.LogSinks);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void ABadLineGivesOneWarningWithFileAndLineAndIsIgnored()
    {
        var configuration = Parse("StatusStore=sqlite\nthis is not a setting\n=orphan\nNotifyTransport=fifo\n");
        Assert.Equal(
        [
            "systemctl: /etc/platform/systemctl.conf:2: expected Key=Value, line ignored",
            "systemctl: /etc/platform/systemctl.conf:3: empty key, line ignored",
        ], _warnings);
        Assert.Equal(("sqlite", "fifo"), (configuration.StatusStore, configuration.NotifyTransport));
    }

    [Fact]
    public void AnInvalidTimeoutIsReportedAndTheEarlierValueKept()
    {
        var configuration = Parse("DefaultTimeoutStopSec=10s\nDefaultTimeoutStopSec=soon\n",
            "DefaultTimeoutStartSec=later", "NoEquals");
        Assert.Equal(TimeSpan.FromSeconds(10), configuration.DefaultTimeoutStopSec);
        Assert.Equal(TimeSpan.FromSeconds(90), configuration.DefaultTimeoutStartSec);
        Assert.Equal(
        [
            "systemctl: /etc/platform/systemctl.conf:2: invalid time span for DefaultTimeoutStopSec, line ignored",
            "systemctl: -c DefaultTimeoutStartSec=later: invalid time span for DefaultTimeoutStartSec, ignored",
            "systemctl: -c NoEquals: expected Key=Value, ignored",
        ], _warnings);
    }

    [Fact]
    public void TimeoutsUseSystemdTimeSyntax()
    {
        var configuration = Parse("DefaultTimeoutStartSec=2min 5s\nDefaultTimeoutStopSec=infinity\n");
        Assert.Equal(TimeSpan.FromSeconds(125), configuration.DefaultTimeoutStartSec);
        Assert.Equal(SystemdValues.Infinity, configuration.DefaultTimeoutStopSec);
    }

    [Fact]
    public void ASectionHoldsOnePluginsSettingsWithoutThePrefix()
    {
        var configuration =
            Parse("StatusStore.sqlite.Path=/x\nstatusstore.SQLITE.BusyTimeoutMs=100\nStatusStore.sqlitex.Path=/no\n"
            + "LogSink.fifo.Path=/run/log.fifo\nStatusStore=sqlite\n");
        var sqlite = configuration.GetSection("StatusStore.sqlite");
        Assert.Equal(2, sqlite.Count);
        Assert.Equal("/x", sqlite["path"]);
        Assert.Equal("100", sqlite["BusyTimeoutMs"]);
        Assert.Equal("/run/log.fifo", Assert.Single(configuration.GetSection("LogSink", "fifo")).Value);
        Assert.Empty(configuration.GetSection("NotifyTransport.unix"));
    }

    [Fact]
    public void ListSettingsAreSplitAndAnEmptyLogSinksMeansNone()
    {
        var configuration = Parse("PluginPath=/opt/a: /opt/b ::\nLogSinks=\n");
        Assert.Equal(["/opt/a", "/opt/b"], configuration.PluginPath);
        Assert.Empty(configuration.LogSinks);
        Assert.Equal("json", Parse("StatusStore=\n").StatusStore);
    }
}
