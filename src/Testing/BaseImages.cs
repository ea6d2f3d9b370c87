namespace Platform.Testing;

/// <summary>
/// Names of the images scripts/build-base-image.sh makes, and where the product goes inside an image.
/// </summary>
public static class BaseImages
{
    /// <summary>
    /// Debian bookworm minbase with python3 and procps; no systemd. Built by scripts/provision-docker.sh.
    /// </summary>
    public const string Base = "platform-base:bookworm";

    /// <summary>
    /// Debian bookworm with real systemd 252, the reference for differential tests (<c>build-base-image.sh
    /// --systemd-ref</c>).
    /// </summary>
    public const string SystemdReference = "platform-systemd-ref:bookworm";

    /// <summary>
    /// Debian bookworm with real systemd 252 and Debian's own daemons (openssh-server, nginx-light, cron, redis-server,
    /// memcached, rsyslog, chrony, dbus) for the distro tests (<c>build-base-image.sh --distro</c>).
    /// </summary>
    public const string Distro = "platform-distro:bookworm-pg";

    /// <summary>
    /// Install folder of the published product inside images (<see cref="ImageBuilder.AddPlatform"/>).
    /// </summary>
    public const string PlatformDirectory = "/usr/lib/platform";
}
