using System.Formats.Tar;
using System.Net.Http.Headers;

namespace Platform.Testing;

public sealed partial class DockerClient
{
    /// <summary><c>GET /containers/{id}/archive?path=</c>: the file or folder as a tar stream (caller disposes).</summary>
    public async Task<Stream> GetArchiveAsync(string containerId, string path, CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"containers/{Esc(containerId)}/archive?path={Esc(path)}", null, ct,
            HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
    }

    /// <summary><c>PUT /containers/{id}/archive?path=DIR</c>: unpacks a tar stream into an existing folder of the container.</summary>
    public async Task PutArchiveAsync(string containerId, string directory, Stream tar, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        var content = new StreamContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var _ = await SendAsync(HttpMethod.Put, $"containers/{Esc(containerId)}/archive?path={Esc(directory)}", content, cts.Token)
            .ConfigureAwait(false);
    }

    /// <summary>Reads one regular file out of a container; symbolic links are followed (up to 8 hops).</summary>
    /// <exception cref="DockerApiException">404 when the path does not exist.</exception>
    public async Task<byte[]> CopyFileFromContainerAsync(string containerId, string path, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        for (var hop = 0; hop < 8; hop++)
        {
            await using var tar = await GetArchiveAsync(containerId, path, cts.Token).ConfigureAwait(false);
            using var reader = new TarReader(tar);
            var entry = await reader.GetNextEntryAsync(copyData: false, cts.Token).ConfigureAwait(false)
                ?? throw new InvalidDataException($"docker returned an empty archive for {path}");
            switch (entry.EntryType)
            {
                case TarEntryType.SymbolicLink:
                    path = entry.LinkName.StartsWith('/') ? entry.LinkName : Path.Join(Path.GetDirectoryName(path), entry.LinkName);
                    continue;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    using (var bytes = new MemoryStream())
                    {
                        if (entry.DataStream is { } data) await data.CopyToAsync(bytes, cts.Token).ConfigureAwait(false);
                        return bytes.ToArray();
                    }
                default:
                    throw new InvalidOperationException($"{path} in container {Short(containerId)} is not a regular file ({entry.EntryType})");
            }
        }
        throw new InvalidOperationException($"{path} in container {Short(containerId)}: too many levels of symbolic links");
    }

    /// <summary>Writes one file into a container (its folder must exist), owned by root with the given mode.</summary>
    public async Task CopyFileToContainerAsync(string containerId, string path, ReadOnlyMemory<byte> content,
        UnixFileMode mode = TarContext.RegularMode, CancellationToken ct = default)
    {
        if (!path.StartsWith('/') || path.EndsWith('/')) throw new ArgumentException($"not an absolute file path: {path}", nameof(path));
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, Path.GetFileName(path))
            {
                Mode = mode,
                ModificationTime = DateTimeOffset.UtcNow,
                DataStream = new MemoryStream(content.ToArray()),
            };
            await writer.WriteEntryAsync(entry, ct).ConfigureAwait(false);
        }
        tar.Position = 0;
        await PutArchiveAsync(containerId, Path.GetDirectoryName(path)!, tar, ct).ConfigureAwait(false);
    }
}
