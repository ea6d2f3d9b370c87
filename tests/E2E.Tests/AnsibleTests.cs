using System.Text.RegularExpressions;
using Platform.Testing;
using Platform.TestSupport;

namespace Platform.E2E.Tests;

/// <summary>
/// Debian's Ansible drives the container through the community.docker connection and its systemd modules.
/// </summary>
public sealed partial class AnsibleTests(WgsyncImage stack) : IClassFixture<WgsyncImage>
{
    private static CommandResult Play(PlatformContainer c, params string[] extra)
    {
        var playbook = Path.Join(Published.RepoRoot, "examples", "wgsync", "ansible", "playbook.yml");
        return CommandRunner.Run("ansible-playbook", ["-i", c.Id + ",", "-c", "community.docker.docker", playbook,
            .. extra],
            new Dictionary<string, string?> { ["ANSIBLE_NOCOLOR"] = "1",
                ["ANSIBLE_PYTHON_INTERPRETER"] = "/usr/bin/python3" },
            TimeSpan.FromMinutes(4));
    }

    private static int Changed(CommandResult run) => int.Parse(ChangedCount().Match(run.Stdout).Groups[1].Value);

    [DockerFact]
    public async Task APlaybookChangesStateOnTheFirstRunAndNothingOnTheSecond()
    {
        Assert.True(File.Exists("/usr/bin/ansible-playbook"),
            "ansible-playbook is missing: scripts/provision-docker.sh installs Debian's ansible");
        await using var c = await stack.BootAsync();

        var first = Play(c, "-e", "restart=true");
        var second = Play(c);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(Changed(first) >= 4, first.Stdout);
        Assert.True(Changed(second) == 0, second.Stdout);
        Assert.Equal("enabled\n", (await c.ExecAsync("systemctl", "is-enabled", "wgsync-ebs")).Stdout);
        Assert.Equal("inactive\n", (await c.ExecAsync("systemctl", "is-active", "wgsync-remctl")).Stdout);
    }

    [GeneratedRegex(@"changed=(\d+)")]
    private static partial Regex ChangedCount();
}
