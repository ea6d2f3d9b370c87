using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Platform.Testing;

/// <summary>
/// Configuration of a <see cref="PlatformContainer"/>: Testcontainers' container settings plus how to await the boot.
/// </summary>
public sealed class PlatformConfiguration : ContainerConfiguration
{
    /// <summary>A configuration with the boot wait settings only.</summary>
    public PlatformConfiguration(bool? waitForBoot = null, TimeSpan? bootTimeout = null)
    {
        WaitForBoot = waitForBoot;
        BootTimeout = bootTimeout;
    }

    /// <summary>Copies Testcontainers' resource settings.</summary>
    public PlatformConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration) { }

    /// <summary>Copies Testcontainers' container settings.</summary>
    public PlatformConfiguration(IContainerConfiguration resourceConfiguration) : base(resourceConfiguration) { }

    /// <summary>Copies another configuration.</summary>
    public PlatformConfiguration(PlatformConfiguration resourceConfiguration)
        : this(new PlatformConfiguration(), resourceConfiguration) { }

    /// <summary>Merges <paramref name="newValue"/> over <paramref name="oldValue"/>.</summary>
    public PlatformConfiguration(PlatformConfiguration oldValue, PlatformConfiguration newValue)
        : base(oldValue, newValue)
    {
        WaitForBoot = BuildConfiguration.Combine(oldValue.WaitForBoot, newValue.WaitForBoot);
        BootTimeout = BuildConfiguration.Combine(oldValue.BootTimeout, newValue.BootTimeout);
    }

    /// <summary>
    /// Whether starting waits until <c>systemctl is-system-running</c> answers running or degraded (default true).
    /// </summary>
    public bool? WaitForBoot { get; }

    /// <summary>How long the boot may take (default 90 s, systemd's default start timeout).</summary>
    public TimeSpan? BootTimeout { get; }
}
