using Platform.Testing.Api;

namespace Platform.Testing;

public sealed partial class DockerClient
{
    /// <summary>
    /// Runs a command in a running container (<c>POST /containers/{id}/exec</c>, <c>POST /exec/{id}/start</c>,
    /// <c>GET /exec/{id}/json</c>) and returns its exit code with stdout and stderr demultiplexed.
    /// </summary>
    /// <exception cref="TimeoutException">The command did not finish within <paramref name="timeout"/> (default 60 s).
    /// Docker cannot kill an exec'd process; it lives until the container is removed.</exception>
    public async Task<ExecResult> ExecAsync(string containerId, ExecCreateRequest request, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        if (request.Cmd.Count == 0) throw new ArgumentException("exec needs a command", nameof(request));
        var limit = timeout ?? DefaultTimeout;
        using var cts = Deadline(ct, limit);
        try
        {
            string execId;
            using (var created = await SendAsync(HttpMethod.Post, $"containers/{Esc(containerId)}/exec",
                Json(request, DockerJsonContext.Default.ExecCreateRequest), cts.Token).ConfigureAwait(false))
                execId = (await ReadJsonAsync(created, DockerJsonContext.Default.IdResponse, cts.Token).ConfigureAwait(false)).Id;

            string stdout, stderr;
            // The daemon hijacks this connection and streams frames until the process ends, then closes it.
            using (var started = await SendAsync(HttpMethod.Post, $"exec/{Esc(execId)}/start",
                Json(new ExecStartRequest(), DockerJsonContext.Default.ExecStartRequest), cts.Token, HttpCompletionOption.ResponseHeadersRead)
                .ConfigureAwait(false))
            await using (var stream = await started.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false))
                (stdout, stderr) = await MultiplexedStream.ReadToEndAsync(stream, cts.Token).ConfigureAwait(false);

            // The stream can close a moment before the daemon records the exit code.
            for (var delay = 5; ; delay = Math.Min(delay * 2, 100))
            {
                var state = await GetJsonAsync($"exec/{Esc(execId)}/json", DockerJsonContext.Default.ExecInspect, cts.Token).ConfigureAwait(false);
                if (!state.Running && state.ExitCode is { } code) return new ExecResult(code, stdout, stderr);
                await Task.Delay(delay, cts.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"exec in {Short(containerId)} did not finish in {limit.TotalSeconds:0.#} s: {string.Join(' ', request.Cmd)}");
        }
    }
}
