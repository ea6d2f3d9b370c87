namespace Platform.Testing;

/// <summary>
/// xunit class or collection fixture for Docker tests. On start it sweeps leftovers of crashed runs
/// (<see cref="DockerSweeper.SweepLeftoversAsync"/>); when the last fixture of its run ends it removes every container,
/// image and volume of the run. Without a daemon it does nothing (the tests skip), unless <c>REQUIRE_DOCKER=1</c>,
/// where it fails every test of the class with the reason.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, int> ActiveFixtures = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private bool registered;

    /// <summary>A fixture for this process's run (what xunit constructs).</summary>
    public DockerFixture() : this(TestRun.Current) { }

    private DockerFixture(TestRun run)
    {
        Run = run;
    }

    /// <summary>
    /// A fixture for an explicit run (tests of the cleanup use a run of their own); call its lifetime methods yourself.
    /// </summary>
    public static DockerFixture ForRun(TestRun run) => new(run);

    /// <summary>
    /// Testcontainers' Docker.DotNet client (shared by the process), for what the harness does not wrap.
    /// </summary>
    public static Docker.DotNet.IDockerClient Client => DockerEnvironment.Client;

    /// <summary>The run whose objects this fixture cleans up.</summary>
    public TestRun Run { get; }

    /// <summary>What the start-up sweep removed (null when no daemon was reachable).</summary>
    public SweepResult? Swept { get; private set; }

    /// <summary>A new image description for this run (default base <see cref="BaseImages.Base"/>).</summary>
    public ImageBuilder NewImage() => new(Run);

    /// <summary>A container of <paramref name="image"/> with our systemctl as PID 1, labelled for this run.</summary>
    public PlatformBuilder NewPlatform(TestImage image) => new PlatformBuilder(image).WithRun(Run);

    /// <summary>
    /// A container of <paramref name="image"/> (default <see cref="BaseImages.Base"/>) for this run, with no boot wait:
    /// give it a command.
    /// </summary>
    public PlatformBuilder NewContainer(string image = BaseImages.Base) =>
        new PlatformBuilder(image).WithRun(Run).WithBootWait(false);

    /// <summary>A container of <paramref name="image"/> for this run, with no boot wait: give it a command.</summary>
    public PlatformBuilder NewContainer(TestImage image) => NewContainer(image.Tag);

    /// <summary>
    /// Real systemd 252 as PID 1 of <paramref name="image"/> (default <see cref="BaseImages.SystemdReference"/>),
    /// labelled for this run.
    /// </summary>
    public PlatformBuilder NewSystemdReference(string image = BaseImages.SystemdReference) =>
        PlatformBuilder.SystemdReference(image).WithRun(Run);

    /// <summary>Real systemd 252 as PID 1 of an image this run built on the reference image.</summary>
    public PlatformBuilder NewSystemdReference(TestImage image) => NewSystemdReference(image.Tag);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (DockerAvailability.UnavailableReason is not null)
        {
            if (DockerAvailability.IsRequired) DockerAvailability.EnsureAvailable();
            return;
        }
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ActiveFixtures[Run.Id] = ActiveFixtures.GetValueOrDefault(Run.Id) + 1;
            registered = true;
        }
        finally
        {
            Gate.Release();
        }
        Swept = await DockerSweeper.SweepLeftoversAsync(Client, Run).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!registered) return;
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var left = ActiveFixtures[Run.Id] - 1;
            if (left > 0) { ActiveFixtures[Run.Id] = left; return; }
            ActiveFixtures.Remove(Run.Id);
            // Under the gate, so a fixture starting meanwhile cannot lose what it creates.
            await DockerSweeper.RemoveRunAsync(Client, Run).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
