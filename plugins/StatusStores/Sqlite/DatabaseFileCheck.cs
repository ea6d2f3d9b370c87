using Platform.Interop;

namespace Platform.StatusStores.Sqlite;

/// <summary>
/// The JSON store's rule for records, applied to the one database file and its WAL companions: the rows name processes
/// that root's <c>stop</c> kills, so a file that is a symbolic link, is owned by neither root nor the caller, or is
/// writable by group or others is refused before SQLite opens it (the folder itself is checked by the host).
/// </summary>
internal static class DatabaseFileCheck
{
    /// <summary>Null when <paramref name="path"/> may be used (or does not exist yet); otherwise why not.</summary>
    public static string? Refusal(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (!LibC.Stat(file, follow: false, out var status)) continue;
            if (status.Type == LibC.S_IFLNK) return $"{file} is a symbolic link";
            if (status.Uid != 0 && status.Uid != LibC.geteuid())
                return $"{file} is owned by uid {status.Uid}, neither root nor the caller";
            if ((status.Mode & 0x12) != 0) return $"{file} is writable by group or others";
        }
        return null;
    }
}
