namespace TcpReadyNotifier.Tests;

/// <summary>Whether the published systemctl can start services yet (the lifecycle is built separately from this sample).</summary>
internal static class Lifecycle
{
    private static readonly Lazy<string?> Reason = new(Probe);

    /// <summary>
    /// A skip reason while the published systemctl says <c>start</c> is not implemented; null otherwise, including when
    /// systemctl is missing or answers anything else, so the tests run and fail with the details.
    /// </summary>
    public static string? SkipReason => Reason.Value;

    private static string? Probe()
    {
        var systemctl = Repository.Systemctl;
        if (!File.Exists(systemctl)) return null;
        var root = Directory.CreateTempSubdirectory("tcp-ready-probe-").FullName;
        try
        {
            var result = Processes.Run(systemctl, ["--root=" + root, "start", "lifecycle-probe.service"], TimeSpan.FromSeconds(30));
            var said = (result.Stderr + result.Stdout).Trim();
            return said.Contains("not implemented", StringComparison.OrdinalIgnoreCase)
                ? $"awaits the lifecycle: `systemctl start` says \"{said}\""
                : null;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
