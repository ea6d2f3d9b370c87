using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// systemd.exec(5) process settings reach the service: limits, scheduling, privileges and a private mount namespace.
/// </summary>
public sealed class ExecSettingsTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>
    /// Runs a oneshot with <paramref name="settings"/> whose shell <paramref name="script"/> writes to the returned
    /// file.
    /// </summary>
    private string Run(string settings, string script)
    {
        var output = _box.File("out-" + Guid.NewGuid().ToString("N"));
        _box.Unit("probe.service",
            $"[Service]\nType=oneshot\n{settings}\nExecStart=/bin/sh -c '{script.Replace("OUT", output)}'\n");
        var start = _box.Systemctl("start", "probe");
        Assert.True(start.ExitCode == 0, start.ToString());
        return File.ReadAllText(output);
    }

    private static string StatusField(string status, string name)
        => status.Split('\n').First(l =>
            l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    [Fact]
    public void LimitsNiceAndOomScoreAdjustAreSet()
    {
        var text = Run("LimitNOFILE=1234:2345\nLimitCORE=infinity\nNice=7\nOOMScoreAdjust=321",
            "{ ulimit -Sn; ulimit -Hn; ulimit -c; cut -d\" \" -f19 /proc/self/stat; cat /proc/self/oom_score_adj; } > "
                + "OUT");

        Assert.Equal(["1234", "2345", "unlimited", "7", "321"], text.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void NoNewPrivilegesAndTheCapabilityBoundingSetApply()
    {
        var status = Run("NoNewPrivileges=yes\nCapabilityBoundingSet=CAP_CHOWN CAP_KILL",
            "cat /proc/self/status > OUT");

        Assert.Equal("1", StatusField(status, "NoNewPrivs"));
        Assert.Equal("0000000000000021", StatusField(status, "CapBnd"));
    }

    [Fact]
    public void AnInvertedCapabilityListDropsOnlyTheNamedOnes()
    {
        var status = Run("CapabilityBoundingSet=~CAP_SYS_TIME", "cat /proc/self/status > OUT");

        var bounding = Convert.ToUInt64(StatusField(status, "CapBnd"), 16);
        Assert.Equal(0UL, bounding & (1UL << 25));
        Assert.NotEqual(0UL, bounding & 1UL);
    }

    [Fact]
    public void CpuAffinityPinsTheService()
    {
        var status = Run("CPUAffinity=0", "cat /proc/self/status > OUT");

        Assert.Equal("0", StatusField(status, "Cpus_allowed_list"));
    }

    [Fact]
    public void PrivateTmpGivesTheServiceItsOwnEmptyTmp()
    {
        // The sandbox root lives in /tmp, which the service cannot see: its answer goes to a folder in /run.
        var outside = Directory.CreateDirectory(Path.Combine("/run", "platform-test-" + Guid.NewGuid().ToString("N")))
            .FullName;
        var hostMarker = Path.Combine("/tmp", "platform-host-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(hostMarker, "");
        try
        {
            _box.Unit("private.service", "[Service]\nType=oneshot\nPrivateTmp=yes\n" +
                $"ExecStart=/bin/sh -c 'test -e {hostMarker} && echo sees-host > {outside}/out || echo private > "
                    + $"{outside}/out; touch /tmp/service-made-this'\n");

            Assert.Equal(0, _box.Systemctl("start", "private").ExitCode);

            Assert.Equal("private\n", File.ReadAllText(Path.Combine(outside, "out")));
            Assert.False(File.Exists("/tmp/service-made-this"));
        }
        finally
        {
            File.Delete(hostMarker);
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void ProtectSystemStrictMakesTheFileSystemReadOnlyExceptReadWritePaths()
    {
        var writable = _box.File("rw");
        Directory.CreateDirectory(writable);
        _box.Unit("strict.service", $"[Service]\nType=oneshot\nProtectSystem=strict\nReadWritePaths={writable}\n" +
            $"ExecStart=/bin/sh -c 'touch /usr/platform-probe 2>/dev/null && echo usr-writable > {writable}/out || "
                + $"echo usr-read-only > {writable}/out'\n");

        var start = _box.Systemctl("start", "strict");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("usr-read-only\n", File.ReadAllText(Path.Combine(writable, "out")));
        Assert.False(File.Exists("/usr/platform-probe"));
    }

    [Fact]
    public void InaccessiblePathsHideAFolder()
    {
        var secret = _box.File("secret");
        Directory.CreateDirectory(secret);
        File.WriteAllText(Path.Combine(secret, "key"), "k");

        var text = Run($"InaccessiblePaths={secret}", $"ls -A {secret} | wc -l > OUT");

        Assert.Equal("0\n", text);
    }

    [Fact]
    public void APlusPrefixedCommandRunsWithoutTheSandbox()
    {
        var output = _box.File("plus");
        _box.Unit("plus.service",
            $"[Service]\nType=oneshot\nNoNewPrivileges=yes\n"
            + $"ExecStart=+/bin/sh -c 'grep NoNewPrivs /proc/self/status > {output}'\n");

        Assert.Equal(0, _box.Systemctl("start", "plus").ExitCode);

        Assert.Equal("0", File.ReadAllText(output).Split(':')[1].Trim());
    }

    [Fact]
    public void ABangPrefixedCommandKeepsRootAndLeavesTheUserSwitchToTheProgram()
    {
        var output = _box.File("bang");
        var other = _box.File("plain");
        _box.Unit("bang.service", "[Service]\nType=oneshot\nUser=nobody\n" +
            $"ExecStart=!/bin/sh -c 'id -u > {output}'\nExecStart=/bin/sh -c 'id -u > {other} || true'\n");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllText(other, "");
        File.SetUnixFileMode(other, (UnixFileMode)0x1B6);

        var start = _box.Systemctl("start", "bang");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("0\n", File.ReadAllText(output));
        Assert.NotEqual("0\n", File.ReadAllText(other));
    }
}
