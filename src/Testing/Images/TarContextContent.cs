using System.Net;

namespace Platform.Testing;

/// <summary>Streams a <see cref="TarContext"/> into an HTTP request body as it is written.</summary>
internal sealed class TarContextContent(TarContext context, CancellationToken ct) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? transport) => context.WriteAsync(stream, ct);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? transport, CancellationToken cancellationToken)
        => context.WriteAsync(stream, cancellationToken);

    // Unknown length: the request goes out chunked, which the daemon accepts for build contexts.
    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
