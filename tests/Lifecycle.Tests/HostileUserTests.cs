using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Issue 11, item 2: status records, runtime and lock folders are trusted only when nobody but root or the caller
/// could have written them. A second local user tampers; root's commands must refuse or ignore what it wrote and never
/// kill the process it names.
/// </summary>
public sealed class HostileUserTests : IDisposable
{
    private const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;
    private readonly ServiceSandbox _box = new();
    private readonly List<Process> _victims = [];

    public HostileUserTests() => File.SetUnixFileMode(_box.Path, Mode755);

    public void Dispose()
    {
        // The status folder may have been left refused on purpose: make it usable again so the sandbox can stop the
        // unit.
        var status = _box.Root.Combine("/run/platform/status");
        if (Directory.Exists(status))
        {
            File.SetUnixFileMode(status, Mode755);
            foreach (var file in Directory.GetFiles(status)) File.Delete(file);
        }
        foreach (var victim in _victims)
        {
            try { victim.Kill(); } catch (InvalidOperationException) { }
            victim.WaitForExit();
            victim.Dispose();
        }
        _box.Dispose();
    }

    private string StatusFolder => _box.Root.Combine("/run/platform/status");

    /// <summary>A root process in its own session that no unit owns: what the forged record names.</summary>
    private Process Victim()
    {
        var psi = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var a in new[] { "sleep", "1000" }) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        _victims.Add(p);
        Assert.True(ServiceSandbox.WaitFor(() => File.ReadAllText($"/proc/{p.Id}/comm").Trim() == "sleep",
            TimeSpan.FromSeconds(10)));
        return p;
    }

    /// <summary>
    /// v.service: a shell loop whose command line names the root (so copies can be counted and leftovers reaped).
    /// </summary>
    private void WriteService()
    {
        var script = _box.Root.WriteScript("/v.sh", "#!/bin/sh\nwhile :; do sleep 1; done\n");
        _box.Unit("v.service", $"[Service]\nExecStart=/bin/sh {script}\nTimeoutStopSec=5\n");
    }

    private void StartService()
    {
        WriteService();
        var start = _box.Systemctl("start", "v");
        Assert.True(start.ExitCode == 0, start.ToString());
    }

    /// <summary>
    /// The hostile user replaces v's record with one naming <paramref name="victim"/> as main process and session.
    /// </summary>
    private void ForgeRecord(int victim)
    {
        var path = Path.Join(StatusFolder, "v.service.status");
        var record = JsonNode.Parse(File.ReadAllText(path))!;
        var target = record["UnitStatus"] ?? record;
        target["MainPid"] = victim;
        var stat = File.ReadAllText($"/proc/{victim}/stat");
        target["MainPidStartTime"] = ulong.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19],
            CultureInfo.InvariantCulture);
        if (target["Extra"] is JsonObject extra) extra["Sessions"] = victim.ToString(CultureInfo.InvariantCulture);
        var write = HostileUser.Instance.Run(["/bin/sh", "-c", "cat > \"$1.tmp\" && mv -f \"$1.tmp\" \"$1\"", "sh",
            path], stdin: record.ToJsonString());
        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Equal(HostileUser.Instance.Uid, OwnerOf(path));
    }

    private static int OwnerOf(string path)
    {
        var stat = CommandRunner.Run("stat", ["-c", "%u", path]);
        return int.Parse(stat.Stdout.Trim(), CultureInfo.InvariantCulture);
    }

    [HostileFact]
    public void ARecordRewrittenInAStatusFolderOthersMayWriteIsRefusedAndItsProcessLives()
    {
        StartService();
        var victim = Victim();
        File.SetUnixFileMode(StatusFolder, (UnixFileMode)0b111_111_111);
        ForgeRecord(victim.Id);

        var stop = _box.Systemctl("stop", "v");

        Assert.True(ServiceSandbox.IsAlive(victim.Id), "root's stop killed the process a forged record named");
        Assert.Equal(1, stop.ExitCode);
        Assert.Contains($"Refusing to use {StatusFolder}: {StatusFolder} is writable by group or others.", stop.Stderr);
        Assert.DoesNotContain("   at ", stop.Stderr);
    }

    [HostileFact]
    public void ARecordOwnedByAnotherUserIsIgnoredWithOneWarning()
    {
        StartService();
        var victim = Victim();
        File.SetUnixFileMode(StatusFolder, (UnixFileMode)0b111_111_111);
        ForgeRecord(victim.Id);
        // The folder is put right again, but the record the other user left behind is still theirs.
        File.SetUnixFileMode(StatusFolder, Mode755);

        var stop = _box.Systemctl("stop", "v");

        Assert.True(ServiceSandbox.IsAlive(victim.Id), "root's stop killed the process a record of another user named");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        var warning =
            $"Warning: ignoring status record {StatusFolder}/v.service.status: owned by uid "
            + $"{HostileUser.Instance.Uid}, neither root nor the caller.";
        Assert.Equal(1, stop.Stderr.Split('\n').Count(l => l == warning));
    }

    [HostileFact]
    public void AFallbackRuntimeFolderAnotherUserCreatedFirstIsRefused()
    {
        // The victim is nobody, a --user manager without XDG_RUNTIME_DIR; the attacker makes its fallback folder first.
        var tmp = _box.Root.Combine("/tmp");
        Directory.CreateDirectory(tmp);
        File.SetUnixFileMode(tmp, (UnixFileMode)0b1_111_111_111);
        var folder = Path.Join(tmp, "platform-runtime-65534");
        var make = HostileUser.Instance.Run(["/bin/sh", "-c", "mkdir -m 0777 \"$1\" && chmod 0777 \"$1\"", "sh",
            folder]);
        Assert.True(make.ExitCode == 0, make.ToString());

        var run = HostileUser.RunAs(65534, 65534, [Published.Systemctl, "--root=" + _box.Path, "--user", "is-active",
            "x"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            $"Refusing to use runtime directory {folder}: it is owned by uid {HostileUser.Instance.Uid}, not by uid "
            + $"65534.", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [HostileFact]
    public void TheFallbackRuntimeFolderIsMadePrivate()
    {
        var tmp = _box.Root.Combine("/tmp");
        Directory.CreateDirectory(tmp);
        File.SetUnixFileMode(tmp, (UnixFileMode)0b1_111_111_111);

        var run = HostileUser.RunAs(65534, 65534, [Published.Systemctl, "--root=" + _box.Path, "--user", "is-active",
            "x"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        var folder = Path.Join(tmp, "platform-runtime-65534");
        Assert.Equal(65534, OwnerOf(folder));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void ALinkPlantedAsALockFileIsNotFollowed()
    {
        WriteService();
        var precious = _box.Root.Write("/precious", "keep me\n");
        _box.Root.Link("/run/systemd/v.service.lock", precious);

        var start = _box.Systemctl("start", "v");

        Assert.Equal("keep me\n", File.ReadAllText(precious));
        Assert.Equal(1, start.ExitCode);
        Assert.Contains("v.service.lock: Too many levels of symbolic links", start.Stderr);
    }

    [Fact]
    public void A200MegabyteStatusRecordIsRefusedWithoutBeingRead()
    {
        WriteService();
        Directory.CreateDirectory(StatusFolder);
        var path = Path.Join(StatusFolder, "v.service.status");
        using (var f = File.Create(path)) f.SetLength(200L << 20);

        var show = CommandRunner.Run("/usr/bin/time", ["-f", "maxrss=%M", Published.Systemctl, "--root=" + _box.Path,
            "show", "v", "-p", "ActiveState"]);

        Assert.Contains(
            $"Warning: status record {path} is {200L << 20} bytes, more than the 1048576 a record may have; not read.",
            show.Stderr);
        var rssKb = long.Parse(show.Stderr.Split('\n').Single(l =>
            l.StartsWith("maxrss=", StringComparison.Ordinal))[7..], CultureInfo.InvariantCulture);
        Assert.True(rssKb < 150_000, $"systemctl read the record into memory: max RSS {rssKb} KiB");
        Assert.DoesNotContain("   at ", show.Stderr);
    }

    [Fact]
    public void SwitchingTheStatusStoreWhileUnitsRunIsRefusedSoNoSecondCopyStarts()
    {
        StartService();
        var main = _box.MainPid("v.service");

        var switched = _box.Systemctl("-c", "StatusStore=sqlite", "start", "v");

        Assert.Equal(1, switched.ExitCode);
        Assert.Contains(
            "Status store 'json' still has units that are not inactive (v.service); stop them before switching "
            + "StatusStore= to 'sqlite'.", switched.Stderr);
        Assert.Equal([main], Copies());

        Assert.Equal(0, _box.Systemctl("stop", "v").ExitCode);
        var afterStop = _box.Systemctl("-c", "StatusStore=sqlite", "start", "v");
        Assert.True(afterStop.ExitCode == 0, afterStop.ToString());
        Assert.Single(Copies());
        var back = _box.Systemctl("-c", "StatusStore=json", "start", "v");
        Assert.Equal(1, back.ExitCode);
        Assert.Contains("Status store 'sqlite' still has units that are not inactive (v.service)", back.Stderr);
        Assert.Equal(0, _box.Systemctl("-c", "StatusStore=sqlite", "stop", "v").ExitCode);
    }

    private List<int> Copies()
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Join(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.StartsWith("/bin/sh " + _box.Root.Combine("/v.sh"), StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException) { }
        }
        return found;
    }
}
