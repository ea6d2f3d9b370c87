using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Lifecycle;
using Platform.Host.Lifecycle.Conditions;

namespace Platform.Host.Generators;

/// <summary>
/// The environment systemd.generator(7) documents: the manager's environment, <c>$SYSTEMD_SCOPE</c>, and for the
/// system manager <c>$SYSTEMD_IN_INITRD</c> and <c>$SYSTEMD_FIRST_BOOT</c>; <c>$SYSTEMD_VIRTUALIZATION</c> when
/// virtualised; <c>$SYSTEMD_ARCHITECTURE</c>. <c>$container</c> is passed on too when known: systemd's own
/// generators ask for it when they are not PID 1 and cannot read PID 1's environment.
/// </summary>
internal static class GeneratorEnvironment
{
    public static List<string> Build(HostContext ctx)
    {
        var env = new List<string>();
        foreach (var (key, value) in ManagerEnvironment.Effective(ctx)) env.Add(key + "=" + value);
        var user = ctx.Options.UserMode;
        env.Add("SYSTEMD_SCOPE=" + (user ? "user" : "system"));
        if (!user)
        {
            env.Add("SYSTEMD_IN_INITRD=" + (File.Exists(ctx.Under("/etc/initrd-release")) ? "1" : "0"));
            env.Add("SYSTEMD_FIRST_BOOT=" + (new SystemConditions(ctx.Under).IsFirstBoot() ? "1" : "0"));
        }
        var virt = VirtualizationDetector.Detect();
        if (virt != "none")
        {
            env.Add("SYSTEMD_VIRTUALIZATION=" + (VirtualizationDetector.IsContainer(virt) ? "container:" : "vm:")
                + virt);
            if (VirtualizationDetector.IsContainer(virt)) env.Add("container=" + ContainerName(virt));
        }
        env.Add("SYSTEMD_ARCHITECTURE=" + ManagerProperties.Architecture());
        return env;
    }

    /// <summary>What the container manager put in <c>$container</c> (PID 1's own value when it has one).</summary>
    private static string ContainerName(string detected)
        => Environment.GetEnvironmentVariable("container") is { Length: > 0 } own ? own : detected;
}
