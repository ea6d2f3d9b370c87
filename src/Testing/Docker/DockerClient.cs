using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Serialization.Metadata;
using Platform.Testing.Api;

namespace Platform.Testing;

/// <summary>
/// A small Docker Engine API client over the daemon's Unix socket. Every call maps to one documented endpoint;
/// nothing parses CLI output. Thread-safe: one instance can serve parallel tests.
/// </summary>
public sealed partial class DockerClient : IDisposable
{
    private readonly HttpClient http;

    /// <summary>Connects to <paramref name="socketPath"/>, by default <see cref="DockerAvailability.SocketPath"/>.</summary>
    public DockerClient(string? socketPath = null)
    {
        SocketPath = socketPath ?? DockerAvailability.SocketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
        };
        // Per-call deadlines come from cancellation tokens: waits and builds legitimately take long.
        http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Path of the daemon's Unix socket.</summary>
    public string SocketPath { get; }

    /// <summary>Deadline of ordinary calls (everything except waits, builds, stops and execs, which take their own).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>GET /_ping</c>: true when the daemon answers OK.</summary>
    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "_ping", null, ct).ConfigureAwait(false);
        return (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)) == "OK";
    }

    /// <summary><c>GET /version</c>.</summary>
    public Task<SystemVersion> GetVersionAsync(CancellationToken ct = default)
        => GetJsonAsync("version", DockerJsonContext.Default.SystemVersion, ct);

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new DockerUnavailableException($"cannot connect to the Docker daemon at {SocketPath}: {e.Message} (run scripts/provision-docker.sh as root)", e);
        }
    }

    /// <summary>Sends a request and throws <see cref="DockerApiException"/> for an error status; the caller disposes the response.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, HttpStatusCode? allowed = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (FindUnavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
        if (response.IsSuccessStatusCode || response.StatusCode == allowed) return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new DockerApiException(response.StatusCode, $"{method} /{path}", ErrorText(body));
        }
    }

    private static DockerUnavailableException? FindUnavailable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is DockerUnavailableException u) return u;
        return null;
    }

    private static string? ErrorText(string body)
    {
        if (body.Length == 0) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize(body, DockerJsonContext.Default.ErrorResponse)?.Message ?? body.Trim(); }
        catch (System.Text.Json.JsonException) { return body.Trim(); }
    }

    private async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var response = await SendAsync(HttpMethod.Get, path, null, cts.Token).ConfigureAwait(false);
        return await ReadJsonAsync(response, type, cts.Token).ConfigureAwait(false);
    }

    private async Task<T?> GetJsonOrNullAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct) where T : class
    {
        using var cts = Deadline(ct, DefaultTimeout);
        using var response = await SendAsync(HttpMethod.Get, path, null, cts.Token, allowed: HttpStatusCode.NotFound).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadJsonAsync(response, type, cts.Token).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await System.Text.Json.JsonSerializer.DeserializeAsync(stream, type, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"docker {response.RequestMessage?.RequestUri?.PathAndQuery}: empty answer");
    }

    private static HttpContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    /// <summary>A JSON <c>filters</c> query value selecting objects that carry every given <c>key=value</c> label.</summary>
    private static string LabelFilters(IEnumerable<string> labels)
        => Esc(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, List<string>> { ["label"] = [.. labels] },
            DockerJsonContext.Default.DictionaryStringListString));

    private static CancellationTokenSource Deadline(CancellationToken ct, TimeSpan timeout)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan) cts.CancelAfter(timeout);
        return cts;
    }

}
