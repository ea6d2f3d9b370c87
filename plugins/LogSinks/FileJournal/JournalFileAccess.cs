using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Platform.Interop;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Who may read journal files: mode 0640, group <c>adm</c> where it exists (Debian's group for reading logs), else
/// <c>systemd-journal</c>, else root's group, as journald restricts its files; services' output is no business of other
/// users. The group comes from the machine's <c>/etc/group</c> (file ownership is the kernel's, whatever the root).
/// </summary>
internal static class JournalFileAccess
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
    private static readonly Lazy<uint?> s_group = new(FindGroup);

    /// <summary>The groups that may read the journal, best first.</summary>
    public static readonly string[] ReaderGroups = ["adm", "systemd-journal"];

    /// <summary>Gives a journal file its mode and group (only root may hand a file to a group it is not in).</summary>
    public static void Protect(SafeFileHandle handle)
    {
        File.SetUnixFileMode(handle, FileMode);
        if (LibC.geteuid() == 0 && s_group.Value is { } gid)
            LibC.fchown((int)handle.DangerousGetHandle(), uint.MaxValue, gid);
    }

    private static uint? FindGroup()
    {
        string[] lines;
        try { lines = File.ReadAllLines("/etc/group"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        foreach (var wanted in ReaderGroups)
            foreach (var line in lines)
            {
                var fields = line.Split(':');
                if (fields.Length >= 3 && fields[0] == wanted
                    && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
                    return gid;
            }
        return null;
    }
}
