using Platform.Exec;
using Platform.Host.Configuration;
using Platform.Interop;

namespace Platform.Host.Journal;

/// <summary>
/// journalctl run by a user who cannot read every journal file (they are 0640, group <c>adm</c> or
/// <c>systemd-journal</c>): the readable files are shown, and systemd 252's notice says what is missing and who could
/// see it; when no file at all can be read, its error ends the command.
/// </summary>
internal static class JournalAccessCheck
{
    private const string DefaultDirectory = "/var/log/journal";

    /// <summary>Null to go on; otherwise the exit code (after the error line on <paramref name="stderr"/>).</summary>
    public static int? Check(string root, IReadOnlyList<string> args, TextWriter stderr)
    {
        if (LibC.geteuid() == 0) return null;
        var config = HostConfiguration.Load(root, null, _ => { });
        var relative = config.GetSection("LogSink", "file").TryGetValue("Directory", out var d) && d.Length > 0
            ? d : DefaultDirectory;
        var directory = Path.Join(root, relative.TrimStart('/'));
        var (readable, denied) = Count(directory);
        if (denied == 0) return null;
        var quiet = args.Any(a => a is "-q" or "--quiet");
        if (!quiet && !InGroup("systemd-journal")) stderr.WriteLine(Hint(args.Contains("--user")));
        if (readable > 0) return null;
        stderr.WriteLine("No journal files were opened due to insufficient permissions.");
        return 1;
    }

    /// <summary>
    /// systemd 252's notice (journal-util.c): the group list form when the files' group is <c>adm</c>.
    /// </summary>
    public static string Hint(bool userOnly)
    {
        var whose = userOnly ? "the system" : "other users and the system";
        if (PasswdDatabase.FindGroup("adm") is not null)
            return $"Hint: You are currently not seeing messages from {whose}.\n" +
                   "      Users in groups 'adm', 'systemd-journal' can see all messages.\n" +
                   "      Pass -q to turn off this notice.";
        return $"Hint: You are currently not seeing messages from {whose}.\n" +
               "      Users in the 'systemd-journal' group can see all messages. Pass -q to\n" +
               "      turn off this notice.";
    }

    private static (int Readable, int Denied) Count(string directory)
    {
        int readable = 0, denied = 0;
        IEnumerable<string> files;
        try { files = Directory.EnumerateFiles(directory).Where(IsJournalFile).ToList(); }
        catch (DirectoryNotFoundException) { return (0, 0); }
        catch (UnauthorizedAccessException) { return (0, 1); }
        catch (IOException) { return (0, 0); }
        foreach (var file in files)
        {
            try
            {
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read,
                    FileShare.ReadWrite | FileShare.Delete);
                readable++;
            }
            catch (UnauthorizedAccessException) { denied++; }
            catch (IOException) { }
        }
        return (readable, denied);
    }

    private static bool IsJournalFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".journal", StringComparison.Ordinal)) return true;
        var dot = name.LastIndexOf('.');
        return dot > 0 && name.AsSpan(0, dot).EndsWith(".journal", StringComparison.Ordinal)
            && name[(dot + 1)..].All(char.IsAsciiDigit);
    }

    // The process's groups as the kernel has them (/proc/self/status), which is what decides file access.
    private static bool InGroup(string name)
    {
        if (PasswdDatabase.FindGroup(name) is not { } gid) return false;
        if (LibC.getegid() == gid) return true;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("Groups:", StringComparison.Ordinal))
                    return line[7..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                        .Contains(gid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException) { }
        return false;
    }
}
