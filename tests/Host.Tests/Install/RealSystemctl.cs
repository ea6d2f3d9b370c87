using Platform.TestSupport;

namespace Platform.Host.Tests.Install;

/// <summary>
/// The machine's real systemd 252 <c>systemctl</c>, called by full path on purpose (differential tests only) and
/// always with <c>--root</c> inside the temporary folder, so it never touches the machine itself.
/// </summary>
internal static class RealSystemctl
{
    public const string Path = "/usr/bin/systemctl";

    public static bool Available => File.Exists(Path);

    /// <summary>The same locale and no pager or colours for both programs, so their bytes compare.</summary>
    public static readonly Dictionary<string, string?> Environment = new()
    {
        ["LC_ALL"] = "C.UTF-8", ["SYSTEMD_PAGER"] = "", ["SYSTEMD_COLORS"] = "0", ["SYSTEMD_LOG_COLOR"] = "0",
        ["SYSTEMD_UTF8"] = null,
    };

    public static CommandResult Run(string root, IEnumerable<string> args)
    {
        if (!root.StartsWith(System.IO.Path.GetTempPath(), StringComparison.Ordinal))
            throw new InvalidOperationException("refusing to run the real systemctl outside a temporary root");
        return CommandRunner.Run(Path, ["--root=" + root, "--no-pager", .. args], Environment,
            TimeSpan.FromSeconds(30));
    }

    /// <summary>Our published systemctl with the same environment and arguments.</summary>
    public static CommandResult Ours(string root, IEnumerable<string> args)
        => CommandRunner.Run(Published.Systemctl, ["--root=" + root, "--no-pager", .. args], Environment,
            TimeSpan.FromSeconds(30));
}
