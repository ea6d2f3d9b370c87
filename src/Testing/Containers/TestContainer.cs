using System.Text;
using Platform.Testing.Api;

namespace Platform.Testing;

/// <summary>A started test container. Disposing removes it (killed first if it still runs) with its anonymous volumes.</summary>
public sealed class TestContainer : IAsyncDisposable
{
    internal TestContainer(DockerClient docker, string id)
    {
        Docker = docker;
        Id = id;
    }

    /// <summary>The client the container was created with.</summary>
    public DockerClient Docker { get; }

    /// <summary>Full container id.</summary>
    public string Id { get; }

    /// <summary>Runs a command (no shell) as the container's user; returns exit code, stdout and stderr.</summary>
    public Task<ExecResult> ExecAsync(params string[] command) => ExecAsync(command, user: null);

    /// <summary>Runs a command with a user, extra environment (<c>NAME=value</c>) and a time limit (default 60 s).</summary>
    public Task<ExecResult> ExecAsync(IReadOnlyList<string> command, string? user = null, IEnumerable<string>? environment = null,
        TimeSpan? timeout = null, CancellationToken ct = default)
        => Docker.ExecAsync(Id, new ExecCreateRequest { Cmd = [.. command], User = user, Env = environment?.ToList() }, timeout, ct);

    /// <summary>Runs <paramref name="script"/> with <c>/bin/sh -c</c>.</summary>
    public Task<ExecResult> ShellAsync(string script, CancellationToken ct = default)
        => ExecAsync(["/bin/sh", "-c", script], ct: ct);

    /// <summary>Everything the main process wrote so far, stdout and stderr apart.</summary>
    public Task<LogOutput> GetLogsAsync(CancellationToken ct = default) => Docker.GetContainerLogsAsync(Id, ct);

    /// <summary>The bytes of a file inside the container (symlinks followed).</summary>
    public Task<byte[]> CopyFileOutAsync(string path, CancellationToken ct = default) => Docker.CopyFileFromContainerAsync(Id, path, ct);

    /// <summary>A text file inside the container, decoded as UTF-8.</summary>
    public async Task<string> ReadFileAsync(string path, CancellationToken ct = default)
        => Encoding.UTF8.GetString(await CopyFileOutAsync(path, ct).ConfigureAwait(false));

    /// <summary>Writes a file into the container (its folder must exist), owned by root, mode 0644 unless given.</summary>
    public Task CopyFileInAsync(string path, string text, UnixFileMode mode = TarContext.RegularMode, CancellationToken ct = default)
        => Docker.CopyFileToContainerAsync(Id, path, Encoding.UTF8.GetBytes(text), mode, ct);

    /// <summary>Writes bytes into a file of the container (its folder must exist).</summary>
    public Task CopyFileInAsync(string path, byte[] content, UnixFileMode mode = TarContext.RegularMode, CancellationToken ct = default)
        => Docker.CopyFileToContainerAsync(Id, path, content, mode, ct);

    /// <summary>Sends the stop signal, waits up to <paramref name="grace"/> (whole seconds), then SIGKILL; returns the exit code.</summary>
    public Task<int> StopAsync(TimeSpan grace, CancellationToken ct = default) => Docker.StopContainerAsync(Id, grace, ct);

    /// <summary>Sends a signal to the main process (name like <c>SIGTERM</c> or number).</summary>
    public Task KillAsync(string signal = "SIGKILL", CancellationToken ct = default) => Docker.KillContainerAsync(Id, signal, ct);

    /// <summary>Waits for the main process to end; returns its exit code.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/>.</exception>
    public Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct = default) => Docker.WaitContainerAsync(Id, timeout, ct);

    /// <summary>The daemon's view of the container (state, labels, host config).</summary>
    public async Task<ContainerInspect> InspectAsync(CancellationToken ct = default)
        => await Docker.InspectContainerAsync(Id, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"container {Id[..12]} no longer exists");

    /// <summary>
    /// Polls <paramref name="strategy"/> until it is satisfied. Fails early, with the logs, when the container exits
    /// before that; throws <see cref="TimeoutException"/> with the last check's detail and the logs after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForAsync(IWaitStrategy strategy, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var check = await strategy.CheckAsync(this, ct).ConfigureAwait(false);
            if (check.Ready) return;
            var state = (await InspectAsync(ct).ConfigureAwait(false)).State;
            if (!state.Running)
                throw new InvalidOperationException($"container exited (code {state.ExitCode}) while waiting for {strategy.Description}: {check.Detail}\n{await LogsForErrorAsync(ct).ConfigureAwait(false)}");
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"gave up after {timeout.TotalSeconds:0.#} s waiting for {strategy.Description}: {check.Detail}\n{await LogsForErrorAsync(ct).ConfigureAwait(false)}");
            await Task.Delay(delay, ct).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>Removes the container (force, with anonymous volumes); never throws for one already gone.</summary>
    public async ValueTask DisposeAsync() => await Docker.RemoveContainerAsync(Id).ConfigureAwait(false);

    private async Task<string> LogsForErrorAsync(CancellationToken ct)
    {
        var logs = await GetLogsAsync(ct).ConfigureAwait(false);
        static string Tail(string s) => s.Length <= 1500 ? s : "..." + s[^1500..];
        return $"--- container stdout\n{Tail(logs.Stdout)}--- container stderr\n{Tail(logs.Stderr)}";
    }
}
