using Platform.Testing;
using Platform.TestSupport;

namespace Platform.E2E.Tests;

/// <summary>
/// The wgsync image, built once per test run: the base image, our published install folder, the example units and
/// programs, and the units enabled by running our own <c>systemctl enable</c> during the image build.
/// </summary>
public sealed class WgsyncImage : IAsyncLifetime
{
    public static readonly string[] Services =
    [
        "wgsync-event.service", "wgsync-ldap-keytab-obtain.service", "wgsync-ldap-keytab.service", "wgsync-ebs.service",
        "wgsync-ldap.service", "wgsync-remctl-keytab-obtain.service", "wgsync-remctl-keytab.service",
            "wgsync-remctl.service",
    ];

    public DockerFixture Docker { get; } = new();
    public TestImage Image { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Docker.InitializeAsync();
        if (DockerAvailability.UnavailableReason is not null) return;
        var example = Path.Join(Published.RepoRoot, "examples", "wgsync");
        var builder = Docker.NewImage()
            .AddPlatform(Published.Directory)
            .AddFile(Path.Join(example, "programs", "wgsync-svc"), "/usr/lib/wgsync/wgsync-svc",
                (UnixFileMode)0b111_101_101)
            .AddFile(Path.Join(example, "etc", "systemctl.conf"), "/etc/platform/systemctl.conf");
        foreach (var unit in Directory.GetFiles(Path.Join(example, "units")))
            builder.AddFile(unit, "/etc/systemd/system/" + Path.GetFileName(unit));
        Image = await builder
            .Run("/usr/bin/systemctl enable wgsync-event.service wgsync-ldap.service wgsync-remctl.service")
            .Run("useradd -m -u 1000 app")
            // A user's own service for the container run as that user (non-root PID 1 = that user's manager).
            .AddText("/home/app/.config/systemd/user/hello-user.service",
                "[Unit]\nDescription=The user's own service\n[Service]\n"
                    + "ExecStart=/bin/sh -c 'echo hello from $USER; exec sleep infinity'\n[Install]\n"
                    + "WantedBy=default.target\n",
                owner: "1000:1000")
            .Symlink("/home/app/.config/systemd/user/default.target.wants/hello-user.service",
                "/home/app/.config/systemd/user/hello-user.service")
            .Run("chown -R app:app /home/app/.config")
            .BuildAsync();
    }

    public ValueTask DisposeAsync() => Docker.DisposeAsync();

    /// <summary>Starts a container of the image with our systemctl as PID 1 and waits until the system runs.</summary>
    public Task<PlatformContainer> BootAsync() =>
        Docker.NewPlatform(Image).WithBootWait(true, TimeSpan.FromSeconds(60)).StartAsync();
}
