using Platform.TestSupport;

namespace Platform.Host.Tests.Reliability;

/// <summary>
/// A second local user for running the published binary without privileges: created with useradd when missing
/// (CI runs as root), and commands run as it through setpriv, so no login, PAM or password is involved.
/// </summary>
internal static class LocalTestUser
{
    public const string Name = "platform-errtest";

    /// <summary>Why the user cannot be had here, or null when <see cref="Uid"/> is usable.</summary>
    public static string? Unavailable { get; } = Ensure();

    public static int Uid { get; private set; }

    public static int Gid { get; private set; }

    /// <summary>Runs a program as the test user with its own ids and no supplementary groups.</summary>
    public static CommandResult Run(string program, params string[] arguments)
        => CommandRunner.Run("setpriv", [$"--reuid={Uid}", $"--regid={Gid}", "--clear-groups", "--", program,
            .. arguments],
            new Dictionary<string, string?> { ["HOME"] = "/", ["XDG_RUNTIME_DIR"] = null });

    private static string? Ensure()
    {
        if (Environment.UserName != "root") return "needs root to create and switch to a second local user";
        if (!File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv"))
            return "setpriv (util-linux) is not installed";
        var id = CommandRunner.Run("id", ["-u", Name]);
        if (id.ExitCode != 0)
        {
            var add = CommandRunner.Run("useradd", ["--system", "--no-create-home", "--user-group", "--shell",
                "/usr/sbin/nologin", Name]);
            if (add.ExitCode != 0) return "useradd failed: " + add.Stderr.Trim();
            id = CommandRunner.Run("id", ["-u", Name]);
        }
        Uid = int.Parse(id.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Gid = int.Parse(CommandRunner.Run("id", ["-g", Name]).Stdout.Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }
}
