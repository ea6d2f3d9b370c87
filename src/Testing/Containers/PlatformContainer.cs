using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Containers;

namespace Platform.Testing;

/// <summary>
/// A Testcontainers container whose PID 1 is a service manager (ours or systemd), with helpers for
/// <c>systemctl</c>, <c>journalctl</c> and file reads inside it. Disposing removes it with its anonymous volumes.
/// </summary>
public sealed class PlatformContainer(PlatformConfiguration configuration) : DockerContainer(configuration)
{
    private static readonly TimeSpan DefaultExecTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs a command (no shell) as the container's user with a 60 s limit.</summary>
    public Task<ExecResult> ExecAsync(params string[] command) => ExecAsync(command, timeout: null);

    /// <summary>
    /// Runs a command with a time limit (default 60 s), and, when given, as <paramref name="user"/> with extra
    /// environment (<c>NAME=value</c>), which Testcontainers' own exec cannot do.
    /// </summary>
    /// <exception cref="TimeoutException">The command still ran after <paramref name="timeout"/>.</exception>
    public async Task<ExecResult> ExecAsync(IReadOnlyList<string> command, string? user = null,
        IEnumerable<string>? environment = null,
        TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var limit = timeout ?? DefaultExecTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        try
        {
            if (user is null && environment is null)
                return await base.ExecAsync([.. command], cts.Token).ConfigureAwait(false);
            var docker = DockerEnvironment.Client;
            var exec = await docker.Exec.CreateContainerExecAsync(Id, new ContainerExecCreateParameters
            {
                Cmd = [.. command], User = user!, Env = environment?.ToList()!, AttachStdout = true,
                    AttachStderr = true,
            }, cts.Token).ConfigureAwait(false);
            using var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(),
                cts.Token).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cts.Token).ConfigureAwait(false);
            var inspect = await docker.Exec.InspectContainerExecAsync(exec.ID, cts.Token).ConfigureAwait(false);
            return new ExecResult(stdout, stderr, inspect.ExitCode);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"`{string.Join(' ', command)}` still ran after {limit.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Runs <paramref name="script"/> with <c>/bin/sh -c</c>.</summary>
    public Task<ExecResult> ShellAsync(string script, CancellationToken ct = default) =>
        ExecAsync(["/bin/sh", "-c", script], ct: ct);

    /// <summary>Runs <c>systemctl ARGS</c> in the container.</summary>
    public Task<ExecResult> SystemctlAsync(params string[] args) => ExecAsync(["systemctl", .. args]);

    /// <summary>Runs <c>journalctl --no-pager ARGS</c> in the container.</summary>
    public Task<ExecResult> JournalctlAsync(params string[] args) => ExecAsync(["journalctl", "--no-pager", .. args]);

    /// <summary>
    /// A text file inside the container (symlinks followed), decoded as UTF-8; works on a stopped container too.
    /// </summary>
    public async Task<string> ReadTextAsync(string path, CancellationToken ct = default)
        => Encoding.UTF8.GetString(await ReadFileAsync(await ResolveLinksAsync(path, ct).ConfigureAwait(false), ct)
            .ConfigureAwait(false));

    /// <summary>
    /// <paramref name="path"/> with its symlinks followed, asked of the daemon (no exec: the container may have
    /// stopped). Testcontainers' <c>ReadFileAsync</c> hands back a link's own (empty) archive entry.
    /// </summary>
    public async Task<string> ResolveLinksAsync(string path, CancellationToken ct = default)
    {
        for (var hops = 0; hops < 40; hops++)
        {
            ContainerArchiveResponse stat;
            try
            {
                stat = await DockerEnvironment.Client.Containers.GetArchiveFromContainerAsync(Id,
                    new ContainerPathStatParameters { Path = path }, statOnly: true, ct).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Docker.DotNet names every 404 of this call "container not found"; the daemon's text says which.
                throw new FileNotFoundException($"{path}: {e.ResponseBody?.Trim()}", path, e);
            }
            var target = stat.Stat?.LinkTarget;
            if (string.IsNullOrEmpty(target)) return path;
            // The daemon reports the link resolved to an absolute path; a relative one is taken from the link's folder.
            path = target.StartsWith('/') ? target : ImagePath.Parent(path).TrimEnd('/') + "/" + target;
        }
        throw new IOException($"too many levels of symbolic links: {path}");
    }

    /// <summary>Everything the main process wrote so far, without timestamps.</summary>
    public Task<(string Stdout, string Stderr)> GetLogsAsync(CancellationToken ct = default)
        => GetLogsAsync(default, default, timestampsEnabled: false, ct);

    /// <summary>
    /// Sends the stop signal, waits up to <paramref name="grace"/> (whole seconds), then SIGKILL; returns the exit
    /// code. (Testcontainers' <c>StopAsync</c> uses the daemon's default grace of 10 s.)
    /// </summary>
    public async Task<int> StopAsync(TimeSpan grace, CancellationToken ct = default)
    {
        await DockerEnvironment.Client.Containers.StopContainerAsync(Id,
            new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) }, ct)
                .ConfigureAwait(false);
        return (int)await GetExitCodeAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The daemon's view of the container (state, labels, host config).</summary>
    public Task<ContainerInspectResponse> InspectAsync(CancellationToken ct = default)
        => DockerEnvironment.Client.Containers.InspectContainerAsync(Id, ct);

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds. Fails early, with the logs, when the container exits
    /// before that; throws <see cref="TimeoutException"/> with the last check's detail and the logs after
    /// <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForAsync(DotNet.Testcontainers.Configurations.IWaitUntil condition, TimeSpan timeout,
        CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        var what = condition is IDescribedWait d ? d.Description : condition.GetType().Name;
        string Seen() => condition is IDescribedWait s ? s.LastSeen : "";
        while (true)
        {
            if (await condition.UntilAsync(this).ConfigureAwait(false)) return;
            var state = (await InspectAsync(ct).ConfigureAwait(false)).State!;
            if (!state.Running)
                throw new InvalidOperationException(
                    $"container exited (code {state.ExitCode}) while waiting for {what}: {Seen()}\n"
                    + $"{await LogsForErrorAsync(ct).ConfigureAwait(false)}");
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException(
                    $"gave up after {timeout.TotalSeconds:0.#} s waiting for {what}: {Seen()}\n"
                    + $"{await LogsForErrorAsync(ct).ConfigureAwait(false)}");
            await Task.Delay(delay, ct).ConfigureAwait(false);
            // At most 100 ms between checks (each exec takes about 150 ms more): tests catch states that last about a
            // second, such as a unit between its failure and its RestartSec=1 restart.
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    /// <summary>The tail of the container's output for an error message, or why it cannot be had.</summary>
    internal async Task<string> TryGetLogTailAsync()
    {
        try { return await LogsForErrorAsync(default).ConfigureAwait(false); }
        catch (Exception e) when (e is DockerApiException or InvalidOperationException or HttpRequestException)
        {
            return $"(no container output: {e.Message})";
        }
    }

    private async Task<string> LogsForErrorAsync(CancellationToken ct)
    {
        var (stdout, stderr) = await GetLogsAsync(ct).ConfigureAwait(false);
        static string Tail(string s) => s.Length <= 1500 ? s : "..." + s[^1500..];
        return $"--- container stdout\n{Tail(stdout)}--- container stderr\n{Tail(stderr)}";
    }
}
