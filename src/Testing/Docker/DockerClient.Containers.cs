using System.Net;
using Platform.Testing.Api;

namespace Platform.Testing;

public sealed partial class DockerClient
{
    /// <summary><c>POST /containers/create</c>; returns the new container's id.</summary>
    public async Task<string> CreateContainerAsync(ContainerCreateRequest request, string? name = null, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        var path = "containers/create" + (name is null ? "" : "?name=" + Esc(name));
        using var response = await SendAsync(HttpMethod.Post, path, Json(request, DockerJsonContext.Default.ContainerCreateRequest), cts.Token)
            .ConfigureAwait(false);
        return (await ReadJsonAsync(response, DockerJsonContext.Default.IdResponse, cts.Token).ConfigureAwait(false)).Id;
    }

    /// <summary><c>POST /containers/{id}/start</c>.</summary>
    public async Task StartContainerAsync(string id, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Esc(id)}/start", null, cts.Token, allowed: HttpStatusCode.NotModified)
            .ConfigureAwait(false);
    }

    /// <summary><c>GET /containers/{id}/json</c>; null when there is no such container.</summary>
    public Task<ContainerInspect?> InspectContainerAsync(string id, CancellationToken ct = default)
        => GetJsonOrNullAsync($"containers/{Esc(id)}/json", DockerJsonContext.Default.ContainerInspect, ct);

    /// <summary><c>GET /containers/json?all=1</c>, restricted to containers carrying every <c>key=value</c> label given.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IEnumerable<string>? labels = null, CancellationToken ct = default)
        => await GetJsonAsync("containers/json?all=1" + (labels is null ? "" : "&filters=" + LabelFilters(labels)),
            DockerJsonContext.Default.ListContainerSummary, ct).ConfigureAwait(false);

    /// <summary><c>POST /containers/{id}/wait</c>: waits until the container stops; returns its exit code.</summary>
    /// <exception cref="TimeoutException">It still ran after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitContainerAsync(string id, TimeSpan timeout, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, timeout);
        try
        {
            using var response = await SendAsync(HttpMethod.Post, $"containers/{Esc(id)}/wait?condition=not-running", null, cts.Token)
                .ConfigureAwait(false);
            var answer = await ReadJsonAsync(response, DockerJsonContext.Default.WaitResponse, cts.Token).ConfigureAwait(false);
            if (answer.Error?.Message is { Length: > 0 } error) throw new DockerApiException(HttpStatusCode.OK, $"wait {id}", error);
            return (int)answer.StatusCode;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"container {Short(id)} still running after {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>
    /// <c>POST /containers/{id}/stop?t=N</c>: the stop signal, then SIGKILL after <paramref name="grace"/>
    /// (whole seconds, rounded up). Returns the exit code.
    /// </summary>
    public async Task<int> StopContainerAsync(string id, TimeSpan grace, CancellationToken ct = default)
    {
        var seconds = (int)Math.Ceiling(Math.Max(0, grace.TotalSeconds));
        using (var cts = Deadline(ct, TimeSpan.FromSeconds(seconds) + DefaultTimeout))
        using (await SendAsync(HttpMethod.Post, $"containers/{Esc(id)}/stop?t={seconds}", null, cts.Token, allowed: HttpStatusCode.NotModified)
            .ConfigureAwait(false)) { }
        return await WaitContainerAsync(id, DefaultTimeout, ct).ConfigureAwait(false);
    }

    /// <summary><c>POST /containers/{id}/kill</c> with a signal name or number.</summary>
    public async Task KillContainerAsync(string id, string signal = "SIGKILL", CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Esc(id)}/kill?signal={Esc(signal)}", null, cts.Token).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /containers/{id}?force=1&amp;v=1</c> (kills it if running, removes anonymous volumes); false when absent.</summary>
    public async Task<bool> RemoveContainerAsync(string id, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var response = await SendAsync(HttpMethod.Delete, $"containers/{Esc(id)}?force=1&v=1", null, cts.Token,
            allowed: HttpStatusCode.NotFound).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary><c>GET /containers/{id}/logs</c>: everything the main process wrote so far, stdout and stderr apart.</summary>
    public async Task<LogOutput> GetContainerLogsAsync(string id, CancellationToken ct = default)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var response = await SendAsync(HttpMethod.Get, $"containers/{Esc(id)}/logs?stdout=1&stderr=1", null, cts.Token,
            HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
        var (stdout, stderr) = await MultiplexedStream.ReadToEndAsync(stream, cts.Token).ConfigureAwait(false);
        return new LogOutput(stdout, stderr);
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
