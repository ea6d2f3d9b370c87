using Platform.Testing;
using Platform.TestSupport;

namespace Platform.E2E.Tests;

/// <summary>Debian's Ansible drives the container through the community.docker connection and its systemd modules.</summary>
public sealed class AnsibleTests(WgsyncImage stack) : IClassFixture<WgsyncImage>
{
    [DockerFact]
    public async Task APlaybookUsingTheSystemdModulesSeesSystemdAndChangesStateCorrectly()
    {
        if (!File.Exists("/usr/bin/ansible-playbook"))
        {
            Assert.Fail("ansible-playbook is missing: scripts/provision-docker.sh installs Debian's ansible");
        }
        await using var c = await stack.BootAsync();
        var playbook = Path.Join(Published.RepoRoot, "examples", "wgsync", "ansible", "playbook.yml");

        var run = CommandRunner.Run("ansible-playbook", ["-i", c.Id + ",", "-c", "community.docker.docker", playbook],
            new Dictionary<string, string?> { ["ANSIBLE_HOST_KEY_CHECKING"] = "False", ["ANSIBLE_NOCOLOR"] = "1", ["ANSIBLE_PYTHON_INTERPRETER"] = "/usr/bin/python3" },
            TimeSpan.FromMinutes(4));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("failed=0", run.Stdout);
        Assert.Equal("enabled\n", (await c.ExecAsync("systemctl", "is-enabled", "wgsync-ebs")).Stdout);
        Assert.Equal("active\n", (await c.ExecAsync("systemctl", "is-active", "wgsync-ebs")).Stdout);
    }
}
