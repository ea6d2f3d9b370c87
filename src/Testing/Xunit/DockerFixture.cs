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
        Docker = new DockerClient();
    }

    /// <summary>A fixture for an explicit run (tests of the cleanup use a run of their own); call its lifetime methods yourself.</summary>
    public static DockerFixture ForRun(TestRun run) => new(run);

    /// <summary>The client all tests of the fixture share.</summary>
    public DockerClient Docker { get; }

    /// <summary>The run whose objects this fixture cleans up.</summary>
    public TestRun Run { get; }

    /// <summary>What the start-up sweep removed (null when no daemon was reachable).</summary>
    public SweepResult? Swept { get; private set; }

    /// <summary>A new image description for this run.</summary>
    public ImageBuilder NewImage() => new(Docker, Run);

    /// <summary>A new container description for this run.</summary>
    public ContainerBuilder NewContainer() => new(Docker, Run);

    /// <inheritdoc />
    public async Task InitializeAsync()
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
        Swept = await DockerSweeper.SweepLeftoversAsync(Docker, Run).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        try
        {
            if (!registered) return;
            await Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var left = ActiveFixtures[Run.Id] - 1;
                if (left > 0) { ActiveFixtures[Run.Id] = left; return; }
                ActiveFixtures.Remove(Run.Id);
                // Under the gate, so a fixture starting meanwhile cannot lose what it creates.
                await DockerSweeper.RemoveRunAsync(Docker, Run).ConfigureAwait(false);
            }
            finally
            {
                Gate.Release();
            }
        }
        finally
        {
            Docker.Dispose();
        }
    }
}
