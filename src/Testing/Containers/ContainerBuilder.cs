using Platform.Testing.Api;

namespace Platform.Testing;

/// <summary>
/// Fluent description of a test container. Network mode is always <c>none</c>; every container carries the run's
/// labels. <see cref="StartAsync"/> creates and starts it and hands back a <see cref="TestContainer"/> to dispose.
/// </summary>
/// <example><code>
/// await using var c = await new ContainerBuilder(docker).WithImage(image).WithCommand("/usr/bin/systemctl").StartAsync();
/// await c.WaitForAsync(Wait.ForUnitActive("web.service"), TimeSpan.FromSeconds(20));
/// </code></example>
public sealed class ContainerBuilder
{
    private readonly DockerClient docker;
    private readonly TestRun run;
    private readonly ContainerCreateRequest request = new() { HostConfig = new HostConfig { NetworkMode = "none", Init = false } };
    private readonly List<(string Name, string Target)> volumes = [];
    private string? name;

    /// <summary>Starts a description for <paramref name="run"/> (default: this process's run), image <see cref="BaseImages.Base"/>.</summary>
    public ContainerBuilder(DockerClient docker, TestRun? run = null)
    {
        this.docker = docker;
        this.run = run ?? TestRun.Current;
        request.Image = BaseImages.Base;
        request.Labels = new Dictionary<string, string>(this.run.Labels);
    }

    /// <summary>Image name, tag or id.</summary>
    public ContainerBuilder WithImage(string image) { request.Image = image; return this; }

    /// <summary>An image built by <see cref="ImageBuilder"/>.</summary>
    public ContainerBuilder WithImage(TestImage image) => WithImage(image.Id);

    /// <summary>Container name (default: one the daemon picks).</summary>
    public ContainerBuilder WithName(string containerName) { name = containerName; return this; }

    /// <summary>The command (PID 1 unless an entrypoint is set), e.g. <c>"sleep", "infinity"</c>.</summary>
    public ContainerBuilder WithCommand(params string[] command) { request.Cmd = [.. command]; return this; }

    /// <summary>Overrides the image's entrypoint.</summary>
    public ContainerBuilder WithEntrypoint(params string[] entrypoint) { request.Entrypoint = [.. entrypoint]; return this; }

    /// <summary>User as <c>name</c>, <c>uid</c> or <c>uid:gid</c>.</summary>
    public ContainerBuilder WithUser(string user) { request.User = user; return this; }

    /// <summary>Sets an environment variable.</summary>
    public ContainerBuilder WithEnv(string variable, string value) { (request.Env ??= []).Add($"{variable}={value}"); return this; }

    /// <summary>Working directory of the command.</summary>
    public ContainerBuilder WithWorkingDirectory(string directory) { request.WorkingDir = directory; return this; }

    /// <summary>Host name inside the container.</summary>
    public ContainerBuilder WithHostname(string hostname) { request.Hostname = hostname; return this; }

    /// <summary>Signal <c>stop</c> sends first (default SIGTERM).</summary>
    public ContainerBuilder WithStopSignal(string signal) { request.StopSignal = signal; return this; }

    /// <summary>Mounts a tmpfs at <paramref name="path"/> with mount options such as <c>rw,size=64m</c>.</summary>
    public ContainerBuilder WithTmpfs(string path, string options = "") { (request.HostConfig.Tmpfs ??= [])[path] = options; return this; }

    /// <summary>Adds capabilities, e.g. <c>SYS_ADMIN</c>.</summary>
    public ContainerBuilder WithCapAdd(params string[] capabilities) { (request.HostConfig.CapAdd ??= []).AddRange(capabilities); return this; }

    /// <summary>Drops capabilities from the default set.</summary>
    public ContainerBuilder WithCapDrop(params string[] capabilities) { (request.HostConfig.CapDrop ??= []).AddRange(capabilities); return this; }

    /// <summary>Adds a security option, e.g. <c>seccomp=unconfined</c>.</summary>
    public ContainerBuilder WithSecurityOpt(string option) { (request.HostConfig.SecurityOpt ??= []).Add(option); return this; }

    /// <summary>Bind-mounts a host path (<c>:ro</c> when <paramref name="readOnly"/>).</summary>
    public ContainerBuilder WithBind(string hostPath, string containerPath, bool readOnly = false)
    {
        (request.HostConfig.Binds ??= []).Add($"{hostPath}:{containerPath}:{(readOnly ? "ro" : "rw")}");
        return this;
    }

    /// <summary>Mounts a named volume, created (with the run's labels) when the container starts.</summary>
    public ContainerBuilder WithVolume(string volumeName, string containerPath)
    {
        volumes.Add((volumeName, containerPath));
        (request.HostConfig.Binds ??= []).Add($"{volumeName}:{containerPath}");
        return this;
    }

    /// <summary>Adds a label (besides the run's <c>platform.*</c> labels).</summary>
    public ContainerBuilder WithLabel(string key, string value) { request.Labels![key] = value; return this; }

    /// <summary>
    /// The settings real systemd needs to boot as PID 1 here: SYS_ADMIN, seccomp unconfined, tmpfs on /run and
    /// /run/lock, the host's cgroup tree read-write, <c>container=docker</c>, command <c>/lib/systemd/systemd</c>, and
    /// SIGRTMIN+3 as stop signal (systemd's "halt"; SIGTERM only makes it re-execute itself).
    /// </summary>
    public ContainerBuilder WithSystemdBoot()
        => WithCapAdd("SYS_ADMIN").WithSecurityOpt("seccomp=unconfined").WithTmpfs("/run").WithTmpfs("/run/lock")
            .WithBind("/sys/fs/cgroup", "/sys/fs/cgroup").WithEnv("container", "docker").WithStopSignal("SIGRTMIN+3")
            .WithCommand("/lib/systemd/systemd");

    /// <summary>Creates and starts the container. On a start failure the container is removed and the error rethrown.</summary>
    public async Task<TestContainer> StartAsync(CancellationToken ct = default)
    {
        foreach (var (volume, _) in volumes) await docker.CreateVolumeAsync(volume, run.Labels, ct).ConfigureAwait(false);
        var id = await docker.CreateContainerAsync(request, name, ct).ConfigureAwait(false);
        var container = new TestContainer(docker, id);
        try
        {
            await docker.StartContainerAsync(id, ct).ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return container;
    }
}
