using System.Globalization;

namespace Platform.TestSupport;

/// <summary>
/// A second local user for the hostile-user tests (issue 11): created with useradd when missing (tests run as root in
/// CI), and a way to run a command as that user (setpriv: real and effective ids, no supplementary groups).
/// </summary>
public sealed class HostileUser
{
    public const string Name = "platform-hostile";
    private static readonly Lazy<HostileUser> s_instance = new(Create);

    private HostileUser(int uid, int gid)
    {
        Uid = uid;
        Gid = gid;
    }

    public int Uid { get; }
    public int Gid { get; }

    /// <summary>Why the hostile-user tests cannot run here, or null.</summary>
    public static string? SkipReason =>
        Environment.IsPrivilegedProcess ? null : "needs root to create and act as a second local user";

    /// <summary>The user, created on first use.</summary>
    public static HostileUser Instance => s_instance.Value;

    /// <summary>Runs <paramref name="command"/> as the hostile user with a minimal environment.</summary>
    public CommandResult Run(IEnumerable<string> command, IDictionary<string, string?>? environment = null,
        string? stdin = null)
        => RunAs(Uid, Gid, command, environment, stdin);

    /// <summary>
    /// Runs <paramref name="command"/> as any <paramref name="uid"/>/<paramref name="gid"/> (e.g. nobody as the victim
    /// user).
    /// </summary>
    public static CommandResult RunAs(int uid, int gid, IEnumerable<string> command,
        IDictionary<string, string?>? environment = null, string? stdin = null)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = "/", ["XDG_RUNTIME_DIR"] = null,
            ["DOTNET_CLI_HOME"] = "/tmp" };
        if (environment is not null) foreach (var (k, v) in environment) env[k] = v;
        return CommandRunner.Run("setpriv", [$"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--", .. command],
            env, stdin: stdin);
    }

    private static HostileUser Create()
    {
        if (Id("-u") is null)
        {
            var add = CommandRunner.Run("useradd", ["--system", "--no-create-home", "--user-group", "--shell",
                "/usr/sbin/nologin", Name]);
            // Another test process may have created it at the same moment (exit 9: already exists).
            if (add.ExitCode is not (0 or 9)) throw new InvalidOperationException("useradd failed: " + add);
        }
        return new HostileUser(Id("-u") ?? throw new InvalidOperationException("no uid for " + Name),
            Id("-g") ?? throw new InvalidOperationException("no gid for " + Name));
    }

    private static int? Id(string flag)
    {
        var id = CommandRunner.Run("id", [flag, Name]);
        return id.ExitCode == 0 ? int.Parse(id.Stdout.Trim(), CultureInfo.InvariantCulture) : null;
    }
}
