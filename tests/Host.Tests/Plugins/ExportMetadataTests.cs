using System.Composition;
using System.Composition.Hosting;
using Platform.Abstractions;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// The typed export attributes must expose Name as MEF metadata, or the host could not select exports by name.
/// </summary>
public sealed class ExportMetadataTests
{
    [ExportStatusStore("memory")]
    public sealed class MemoryStore : IStatusStore
    {
        public void Open(StatusStoreContext context) { }
        public UnitStatus? Read(string unit) => null;
        public void Write(UnitStatus status) { }
        public bool Delete(string unit) => false;
        public IReadOnlyList<UnitStatus> List() => [];
        public void Dispose() { }
    }

    [ExportNotifyTransport("nothing")]
    public sealed class NoTransport : INotifyTransport
    {
        public INotifyEndpoint CreateEndpoint(NotifyEndpointContext context) => throw new NotSupportedException();
    }

    [ExportServiceType("instant")]
    public sealed class InstantType : IServiceType
    {
        public bool NeedsNotify => false;
        public Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
            => Task.FromResult(new ServiceStartResult { Success = true });
    }

    [Fact]
    public void TypedExportAttributesExposeTheirNameAsMetadata()
    {
        using var container = new ContainerConfiguration().WithParts(typeof(MemoryStore), typeof(NoTransport),
            typeof(InstantType)).CreateContainer();
        Assert.Equal("memory", Assert.Single(container.GetExports<ExportFactory<IStatusStore, PluginExportMetadata>>())
            .Metadata.Name);
        Assert.Equal("nothing",
            Assert.Single(container.GetExports<ExportFactory<INotifyTransport, PluginExportMetadata>>()).Metadata.Name);
        var type = Assert.Single(container.GetExports<Lazy<IServiceType, PluginExportMetadata>>());
        Assert.Equal("instant", type.Metadata.Name);
        Assert.IsType<InstantType>(type.Value);
    }
}
