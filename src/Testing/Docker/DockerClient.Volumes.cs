using System.Net;
using Platform.Testing.Api;

namespace Platform.Testing;

public sealed partial class DockerClient
{
    /// <summary><c>POST /volumes/create</c> with a name and labels.</summary>
    public async Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        var request = new VolumeCreateRequest { Name = name, Labels = new Dictionary<string, string>(labels) };
        using var _ = await SendAsync(HttpMethod.Post, "volumes/create", Json(request, DockerJsonContext.Default.VolumeCreateRequest), cts.Token)
            .ConfigureAwait(false);
    }

    /// <summary><c>GET /volumes</c>, restricted to volumes carrying every <c>key=value</c> label given.</summary>
    public async Task<IReadOnlyList<Volume>> ListVolumesAsync(IEnumerable<string>? labels = null, CancellationToken ct = default)
        => (await GetJsonAsync("volumes" + (labels is null ? "" : "?filters=" + LabelFilters(labels)),
            DockerJsonContext.Default.VolumeList, ct).ConfigureAwait(false)).Volumes ?? [];

    /// <summary><c>DELETE /volumes/{name}</c>; false when it did not exist.</summary>
    public async Task<bool> RemoveVolumeAsync(string name, bool force = false, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var response = await SendAsync(HttpMethod.Delete, $"volumes/{Esc(name)}?force={(force ? 1 : 0)}", null, cts.Token,
            allowed: HttpStatusCode.NotFound).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }
}
