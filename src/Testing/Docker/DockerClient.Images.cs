using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Testing.Api;

namespace Platform.Testing;

public sealed partial class DockerClient
{
    /// <summary><c>GET /images/{name}/json</c>; null when there is no such image.</summary>
    public Task<ImageInspect?> InspectImageAsync(string nameOrId, CancellationToken ct = default)
        => GetJsonOrNullAsync($"images/{Esc(nameOrId)}/json", DockerJsonContext.Default.ImageInspect, ct);

    /// <summary><c>GET /images/json</c>, restricted to images carrying every <c>key=value</c> label given.</summary>
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(IEnumerable<string>? labels = null, CancellationToken ct = default)
        => await GetJsonAsync("images/json" + (labels is null ? "" : "?filters=" + LabelFilters(labels)),
            DockerJsonContext.Default.ListImageSummary, ct).ConfigureAwait(false);

    /// <summary><c>DELETE /images/{name}</c>; false when it did not exist.</summary>
    public async Task<bool> RemoveImageAsync(string nameOrId, bool force = false, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var response = await SendAsync(HttpMethod.Delete, $"images/{Esc(nameOrId)}?force={(force ? 1 : 0)}", null, cts.Token,
            allowed: HttpStatusCode.NotFound).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>
    /// <c>POST /build</c> from a tar build context (the Dockerfile inside it). Uses the classic builder with network
    /// mode <c>none</c>; returns the image id. Throws <see cref="ImageBuildException"/> with the builder's log on failure.
    /// </summary>
    public Task<ImageBuildResult> BuildImageAsync(Stream tarContext, ImageBuildOptions options, CancellationToken ct = default)
    {
        var content = new StreamContent(tarContext);
        return BuildImageAsync(content, options, ct);
    }

    /// <summary><c>POST /build</c> with any tar-producing content (the harness streams its context without buffering).</summary>
    internal async Task<ImageBuildResult> BuildImageAsync(HttpContent tarContext, ImageBuildOptions options, CancellationToken ct)
    {
        tarContext.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var query = new StringBuilder("build?rm=1&forcerm=1&networkmode=none&dockerfile=").Append(Esc(options.Dockerfile));
        if (options.Tag is not null) query.Append("&t=").Append(Esc(options.Tag));
        if (options.NoCache) query.Append("&nocache=1");
        if (options.Labels.Count > 0)
            query.Append("&labels=").Append(Esc(System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, string>(options.Labels), DockerJsonContext.Default.DictionaryStringString)));

        using var cts = Deadline(ct, options.Timeout);
        using var response = await SendAsync(HttpMethod.Post, query.ToString(), tarContext, cts.Token, HttpCompletionOption.ResponseHeadersRead)
            .ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false));
        var log = new StringBuilder();
        string? imageId = null;
        while (await reader.ReadLineAsync(cts.Token).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0) continue;
            var message = System.Text.Json.JsonSerializer.Deserialize(line, DockerJsonContext.Default.BuildMessage);
            if (message is null) continue;
            if (message.Stream is { } text) log.Append(text);
            if ((message.Error ?? message.ErrorDetail?.Message) is { } error) throw new ImageBuildException(error, log.ToString());
            if (message.Aux?.ID is { } id) imageId = id;
        }
        return new ImageBuildResult(imageId ?? throw new ImageBuildException("the builder reported no image id", log.ToString()), log.ToString());
    }
}
