using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Platform.Testing;

/// <summary>
/// Testcontainers builder for a container whose PID 1 is our <c>/usr/bin/systemctl</c> (an image made with
/// <see cref="ImageBuilder.AddPlatform"/>). Network mode is <c>none</c>; the container carries the run's labels;
/// starting waits until <c>systemctl is-system-running</c> answers <c>running</c> or <c>degraded</c>.
/// </summary>
/// <example><code>
/// var image = await new ImageBuilder().AddPlatform(publishDir).AddText("/etc/systemd/system/web.service",
/// unit).BuildAsync(); await using var c = new PlatformBuilder().WithImage(image).Build(); await c.StartAsync(); var
/// status = await c.SystemctlAsync("status", "web.service");
/// </code></example>
public sealed class PlatformBuilder : ContainerBuilder<PlatformBuilder, PlatformContainer, PlatformConfiguration>
{
    /// <summary>The command of a container booted by our systemctl.</summary>
    public const string Command = "/usr/bin/systemctl";

    /// <summary>
    /// A builder for <paramref name="image"/> (default <see cref="BaseImages.Base"/>, which has no systemctl of ours:
    /// give one).
    /// </summary>
    public PlatformBuilder(string image = BaseImages.Base) : this(new PlatformConfiguration())
    {
        DockerResourceConfiguration = Init().WithImage(image).DockerResourceConfiguration;
    }

    /// <summary>A builder for an image this run built.</summary>
    public PlatformBuilder(TestImage image) : this(image.Tag) { }

    private PlatformBuilder(PlatformConfiguration resourceConfiguration) : base(resourceConfiguration)
    {
        DockerEnvironment.Ensure();
        DockerResourceConfiguration = resourceConfiguration;
    }

    /// <inheritdoc />
    protected override PlatformConfiguration DockerResourceConfiguration { get; }

    /// <summary>An image this run built.</summary>
    public PlatformBuilder WithImage(TestImage image) => WithImage(image.Tag);

    /// <summary>
    /// The command (PID 1 unless an entrypoint is set); replaces the default instead of appending to it.
    /// </summary>
    public new PlatformBuilder WithCommand(params string[] command) =>
        WithCommand(new OverwriteEnumerable<string>(command));

    /// <summary>Labels the container as part of <paramref name="run"/> (default: this process's run).</summary>
    public PlatformBuilder WithRun(TestRun run) => WithLabel(run.Labels);

    /// <summary>Runs the container's command as <c>name</c>, <c>uid</c> or <c>uid:gid</c>.</summary>
    public PlatformBuilder WithUser(string user) => WithCreateParameterModifier(p => p.User = user);

    /// <summary>Signal <c>docker stop</c> sends first (default SIGTERM).</summary>
    public PlatformBuilder WithStopSignal(string signal) => WithCreateParameterModifier(p => p.StopSignal = signal);

    /// <summary>Adds capabilities, e.g. <c>SYS_ADMIN</c>.</summary>
    public PlatformBuilder WithCapAdd(params string[] capabilities)
        => WithCreateParameterModifier(p => p.HostConfig!.CapAdd = [.. p.HostConfig.CapAdd ?? [], .. capabilities]);

    /// <summary>Adds a security option, e.g. <c>seccomp=unconfined</c>.</summary>
    public PlatformBuilder WithSecurityOpt(string option)
        => WithCreateParameterModifier(p => p.HostConfig!.SecurityOpt = [.. p.HostConfig.SecurityOpt ?? [], option]);

    /// <summary>Whether starting waits for the boot (a test that watches a boot itself turns it off).</summary>
    public PlatformBuilder WithBootWait(bool wait, TimeSpan? timeout = null) =>
        Merge(DockerResourceConfiguration, new PlatformConfiguration(wait, timeout));

    /// <summary>
    /// The settings real systemd needs to boot as PID 1 here (<see cref="SystemdReference(string)"/> applies them):
    /// SYS_ADMIN, seccomp unconfined, tmpfs on /run and /run/lock, the host's cgroup tree read-write,
    /// <c>container=docker</c>, command <c>/lib/systemd/systemd</c>, and SIGRTMIN+3 as stop signal (systemd's "halt";
    /// SIGTERM only makes it re-execute itself).
    /// </summary>
    public PlatformBuilder WithSystemdBoot()
        => WithCapAdd("SYS_ADMIN").WithSecurityOpt("seccomp=unconfined").WithTmpfsMount("/run")
            .WithTmpfsMount("/run/lock")
            .WithBindMount("/sys/fs/cgroup", "/sys/fs/cgroup", AccessMode.ReadWrite)
                .WithEnvironment("container", "docker")
            .WithStopSignal("SIGRTMIN+3").WithCommand("/lib/systemd/systemd");

    /// <summary>
    /// A builder for real systemd 252 as PID 1 of <paramref name="image"/> (default
    /// <see cref="BaseImages.SystemdReference"/>).
    /// </summary>
    public static PlatformBuilder SystemdReference(string image = BaseImages.SystemdReference) =>
        new PlatformBuilder(image).WithSystemdBoot();

    /// <summary>
    /// A builder for real systemd 252 as PID 1 of an image this run built on top of the reference image.
    /// </summary>
    public static PlatformBuilder SystemdReference(TestImage image) => SystemdReference(image.Tag);

    /// <summary>
    /// Builds and starts the container (and awaits the boot unless turned off). When the start or the boot wait fails,
    /// the container is removed and the error carries the tail of its output.
    /// </summary>
    public async Task<PlatformContainer> StartAsync(CancellationToken ct = default)
    {
        var container = Build();
        try
        {
            await container.StartAsync(ct).ConfigureAwait(false);
            return container;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var logs = await container.TryGetLogTailAsync().ConfigureAwait(false);
            await container.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"container of {DockerResourceConfiguration.Image.FullName} did not come up: {e.Message}\n{logs}", e);
        }
    }

    /// <inheritdoc />
    public override PlatformContainer Build()
    {
        Validate();
        var builder = DockerResourceConfiguration.WaitForBoot == false ? this
            : WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new SystemRunningWait(),
                o => o.WithTimeout(DockerResourceConfiguration.BootTimeout ?? TimeSpan.FromSeconds(90))));
        return new PlatformContainer(builder.DockerResourceConfiguration);
    }

    /// <inheritdoc />
    protected override PlatformBuilder Init()
        => base.Init().WithCommand(Command).WithLabel(TestRun.Current.Labels).WithLogger(DockerEnvironment.Logger)
            // No network: the tests talk to the container through exec only, and nothing in it may reach out.
            .WithCreateParameterModifier(p => p.HostConfig!.NetworkMode = "none");

    /// <inheritdoc />
    protected override PlatformBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        => Merge(DockerResourceConfiguration, new PlatformConfiguration(resourceConfiguration));

    /// <inheritdoc />
    protected override PlatformBuilder Clone(IContainerConfiguration resourceConfiguration)
        => Merge(DockerResourceConfiguration, new PlatformConfiguration(resourceConfiguration));

    /// <inheritdoc />
    protected override PlatformBuilder Merge(PlatformConfiguration oldValue, PlatformConfiguration newValue)
        => new(new PlatformConfiguration(oldValue, newValue));
}
