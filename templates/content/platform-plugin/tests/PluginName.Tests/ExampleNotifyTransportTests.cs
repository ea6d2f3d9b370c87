using Platform.Abstractions;

namespace PluginName.Tests;

public sealed class ExampleNotifyTransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plugin-notify-").FullName;

    private INotifyEndpoint Endpoint(string readyFile)
    {
        var unit = TestUnits.Service("demo.service", ("Service", "X-NotifyTransport", "plugin-export-name"), ("Service", "X-ReadyFile", readyFile));
        return new ExampleNotifyTransport().CreateEndpoint(new NotifyEndpointContext(unit, _folder, null, null));
    }

    [Fact]
    public async Task ReadyIsReportedOnlyAfterTheFileAppears()
    {
        var file = Path.Join(_folder, "ready");
        using var endpoint = Endpoint(file);
        Assert.Null(endpoint.Address);
        var receive = endpoint.ReceiveAsync(CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(receive.IsCompleted);
        await File.WriteAllTextAsync(file, "");
        var message = await receive.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(message?.Ready);
    }

    [Fact]
    public async Task CancellingAReceiveThrowsOperationCanceled()
    {
        using var endpoint = Endpoint(Path.Join(_folder, "never"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endpoint.ReceiveAsync(cancel.Token).AsTask());
    }

    [Fact]
    public async Task DisposingTheEndpointEndsAPendingReceiveWithNull()
    {
        var endpoint = Endpoint(Path.Join(_folder, "never"));
        var receive = endpoint.ReceiveAsync(CancellationToken.None).AsTask();
        endpoint.Dispose();
        Assert.Null(await receive.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void UnitWithoutReadyFileIsRefusedWithAOneLineReason()
    {
        var unit = TestUnits.Service("demo.service", ("Service", "X-NotifyTransport", "plugin-export-name"));
        var e = Assert.Throws<ServiceStartException>(() => new ExampleNotifyTransport().CreateEndpoint(new NotifyEndpointContext(unit, _folder, null, null)));
        Assert.Contains("X-ReadyFile=", e.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
