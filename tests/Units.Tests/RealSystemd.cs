using Platform.TestSupport;

namespace Platform.Units.Tests;

/// <summary>
/// The machine's real systemd tools, called by full path on purpose (differential tests only), always with
/// <c>--root</c> so they never touch the machine itself.
/// </summary>
internal static class RealSystemd
{
    public const string Systemctl = "/usr/bin/systemctl";
    public const string Analyze = "/usr/bin/systemd-analyze";
    public const string SysVGenerator = "/lib/systemd/system-generators/systemd-sysv-generator";

    public static bool Available => File.Exists(Systemctl) && File.Exists(Analyze);

    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["LC_ALL"] = "C.UTF-8", ["SYSTEMD_PAGER"] = "", ["SYSTEMD_COLORS"] = "0", ["SYSTEMD_LOG_COLOR"] = "0",
    };

    public static CommandResult Ctl(string root, params string[] args)
    {
        if (!root.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            throw new InvalidOperationException("refusing to run the real systemctl outside a temporary root");
        return CommandRunner.Run(Systemctl, ["--root=" + root, "--no-pager", .. args], Environment,
            TimeSpan.FromSeconds(30));
    }

    public static CommandResult Verify(string root, string unit)
    {
        if (!root.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            throw new InvalidOperationException("refusing to run systemd-analyze outside a temporary root");
        return CommandRunner.Run(Analyze, ["--root=" + root, "verify", unit], Environment, TimeSpan.FromSeconds(30));
    }

    /// <summary>systemd's own parse of a time span: the microseconds, or null when it refuses the text.</summary>
    public static ulong? Timespan(string text)
    {
        var r = CommandRunner.Run(Analyze, ["timespan", "--", text], Environment, TimeSpan.FromSeconds(30));
        if (r.ExitCode != 0) return null;
        var line = r.Stdout.Split('\n').Select(l => l.Trim())
            .First(l => l.StartsWith("\u03bcs:", StringComparison.Ordinal));
        return ulong.Parse(line["\u03bcs:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static CommandResult GenerateSysV(string initDir, string outDir)
    {
        var env = new Dictionary<string, string?>(Environment)
        {
            ["SYSTEMD_SYSVINIT_PATH"] = initDir,
            ["SYSTEMD_SYSVRCND_PATH"] = initDir + "-rc",
            ["SYSTEMD_UNIT_PATH"] = outDir + "-none",
        };
        Directory.CreateDirectory(outDir + "/n");
        Directory.CreateDirectory(outDir + "/e");
        Directory.CreateDirectory(outDir + "/l");
        return CommandRunner.Run(SysVGenerator, [outDir + "/n", outDir + "/e", outDir + "/l"], env,
            TimeSpan.FromSeconds(30));
    }
}
