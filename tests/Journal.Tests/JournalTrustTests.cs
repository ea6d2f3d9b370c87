using System.Text.Json;
using Platform.Journal.Tests.Support;
using Platform.TestSupport;

namespace Platform.Journal.Tests;

/// <summary>
/// Issue 11, item 3: the pump believes a stream's header only from root (the manager handing a stream to a service);
/// anyone else is logged under what the kernel proves, as journald does. Journal files are 0640, group adm.
/// </summary>
public sealed class JournalTrustTests : IDisposable
{
    private const string Claim = "Accepted password for root from 10.0.0.1 port 22 ssh2";
    private readonly LogSandbox _logs = new();

    public JournalTrustTests() => File.SetUnixFileMode(_logs.Path, (UnixFileMode)0b111_101_101);

    public void Dispose() => _logs.Dispose();

    private string Socket => _logs.Box.Root.Combine("/run/platform/journal.stdout");

    private string JournalFolder => _logs.Box.Root.Combine("/var/log/journal");

    /// <summary>A root service whose output starts the pump; returns once its line is in the journal.</summary>
    private void StartRootLogger()
    {
        _logs.Start("logger.service",
            $"[Service]\nExecStart=/bin/sh -c 'echo root-secret-line; while :; do sleep 1; done' {_logs.Path}\n");
        Assert.Equal(["root-secret-line"], _logs.WaitForLines("logger.service", 1));
    }

    /// <summary>
    /// A python client that connects to the pump and claims sshd's unit in its header; with
    /// <paramref name="holdUntil"/> it stays connected until that file exists (a unit is proven by a live process, as
    /// with journald's cgroups).
    /// </summary>
    private static string[] ClaimingClient(string socket, string holdUntil = "") =>
    [
        "/usr/bin/python3", "-c",
        "import socket, sys\n" +
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n" +
        "s.connect(sys.argv[1])\n" +
        "s.sendall(b'PLATFORM-JOURNAL-STREAM "
            + "1\\nUNIT=sshd.service\\nIDENTIFIER=sshd\\nSTREAM=stdout\\nPRIORITY=6\\nLEVEL_PREFIX=1\\n" +
        "INVOCATION_ID=0123456789abcdef0123456789abcdef\\n\\n" + Claim + "\\n')\n" +
        "import os, time\n" +
        "while sys.argv[2] and not os.path.exists(sys.argv[2]): time.sleep(0.05)\n" +
        "s.close()\n",
        socket, holdUntil,
    ];

    private JsonElement WaitForClaim()
    {
        JsonElement? found = null;
        ServiceSandbox.WaitFor(() =>
            (found = _logs.Json().Cast<JsonElement?>().FirstOrDefault(e =>
            e!.Value.GetProperty("MESSAGE").GetString() == Claim)) is not null,
            TimeSpan.FromSeconds(20));
        Assert.True(found is not null, "the hostile line never reached the journal");
        return found!.Value;
    }

    /// <summary>The group journal files get: adm where it exists (Debian), else systemd-journal, else root.</summary>
    private static string ReaderGroup()
    {
        foreach (var group in new[] { "adm", "systemd-journal" })
            if (CommandRunner.Run("getent", ["group", group]).ExitCode == 0) return group;
        return "root";
    }

    [HostileFact]
    public void AnotherUserClaimingSshdsUnitIsLoggedUnderItsOwnIdentity()
    {
        StartRootLogger();
        var user = HostileUser.Instance;

        var send = user.Run(ClaimingClient(Socket));

        Assert.True(send.ExitCode == 0, send.ToString());
        var entry = WaitForClaim();
        Assert.False(entry.TryGetProperty("_SYSTEMD_UNIT", out var unit), $"the client chose its unit: {unit}");
        Assert.False(entry.TryGetProperty("_SYSTEMD_INVOCATION_ID", out _));
        Assert.Equal(user.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.GetProperty("_UID").GetString());
        Assert.Empty(LogSandbox.Lines(_logs.Journalctl("-u", "sshd", "-o", "cat")));
        Assert.False(File.Exists(Path.Join(JournalFolder, "sshd.service.journal")),
            "a file was made for the claimed name");
        Assert.True(File.Exists(Path.Join(JournalFolder, $"user-{user.Uid}.journal")));
    }

    [HostileFact]
    public void AServiceOfAnotherUserClaimingSshdIsLoggedUnderItsOwnUnit()
    {
        StartRootLogger();
        var go = _logs.Box.File("go");
        var done = _logs.Box.File("done");
        var client = ClaimingClient(Socket, done);
        var python = string.Join(' ', client.Select(a =>
            "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        // The service waits for the test's go so its record (sessions, main pid) is written before it connects.
        _logs.Box.Root.WriteScript("/hv.sh",
            $"#!/bin/sh\nwhile [ ! -e {go} ]; do sleep 0.05; done\n{python}\nwhile :; do sleep 1; done\n");
        _logs.Start("hv.service",
            $"[Service]\nUser={HostileUser.Name}\nExecStart={_logs.Box.Root.Combine("/hv.sh")}\n");

        File.WriteAllText(go, "");

        var entry = WaitForClaim();
        File.WriteAllText(done, "");
        Assert.Equal("hv.service", entry.GetProperty("_SYSTEMD_UNIT").GetString());
        Assert.Empty(LogSandbox.Lines(_logs.Journalctl("-u", "sshd", "-o", "cat")));
    }

    [HostileFact]
    public void ANonRootJournalctlCannotReadRootServiceOutputAndPrintsSystemdsHint()
    {
        StartRootLogger();
        var file = Path.Join(JournalFolder, "logger.service.journal");
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(file));
        Assert.Equal(ReaderGroup(), CommandRunner.Run("stat", ["-c", "%G", file]).Stdout.Trim());

        var read = HostileUser.Instance.Run([Published.Journalctl, "--root=" + _logs.Path, "--no-pager"]);

        Assert.DoesNotContain("root-secret-line", read.Stdout);
        Assert.Equal(1, read.ExitCode);
        var hint = ReaderGroup() == "adm"
            ? "Hint: You are currently not seeing messages from other users and the system.\n" +
              "      Users in groups 'adm', 'systemd-journal' can see all messages.\n" +
              "      Pass -q to turn off this notice.\n"
            : "Hint: You are currently not seeing messages from other users and the system.\n" +
              "      Users in the 'systemd-journal' group can see all messages. Pass -q to\n" +
              "      turn off this notice.\n";
        Assert.Equal(hint + "No journal files were opened due to insufficient permissions.\n", read.Stderr);
        var quiet = HostileUser.Instance.Run([Published.Journalctl, "--root=" + _logs.Path, "--no-pager", "-q"]);
        Assert.Equal("No journal files were opened due to insufficient permissions.\n", quiet.Stderr);
    }
}
