namespace Platform.Host.Plugins;

/// <summary>
/// Creates a folder the manager keeps its state in and refuses it unless <see cref="TrustedPath"/> holds, once per
/// process and folder (a job takes several locks in the same folder).
/// </summary>
internal static class TrustedFolder
{
    private static readonly HashSet<string> s_checked = [];

    /// <summary>
    /// Creates <paramref name="folder"/> when missing; throws <see cref="UntrustedPathException"/> when others could
    /// change it.
    /// </summary>
    public static void Ensure(string folder)
    {
        lock (s_checked)
            if (s_checked.Contains(folder)) return;
        // 0755 whatever the caller's umask says: a umask of 0 must not make our own folder one we then refuse.
        Directory.CreateDirectory(folder, (UnixFileMode)0b111_101_101);
        if (TrustedPath.Problem(folder) is { } problem)
            throw new UntrustedPathException($"Refusing to use {folder}: {problem}.");
        lock (s_checked) s_checked.Add(folder);
    }

    /// <summary>
    /// The private fallback runtime folder of a user (<c>/tmp/platform-runtime-UID</c>): made with mkdir 0700 and used
    /// only when it is a real folder of this user that nobody else can enter; /tmp is shared, so another user may
    /// have created the name first.
    /// </summary>
    public static void EnsurePrivate(string folder, uint uid)
    {
        try
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite
                | UnixFileMode.UserExecute);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        if (PosixFile.ExamineLink(folder) is not var (owner, mode))
            throw new UntrustedPathException($"Failed to create runtime directory {folder}.");
        if ((mode & PosixFile.TypeMask) != PosixFile.Directory)
            throw new UntrustedPathException($"Refusing to use runtime directory {folder}: it is not a directory.");
        if (owner != uid)
            throw new UntrustedPathException(
                $"Refusing to use runtime directory {folder}: it is owned by uid {owner}, not by uid {uid}.");
        if ((mode & 0b000_111_111) != 0)
            throw new UntrustedPathException(
                $"Refusing to use runtime directory {folder}: its mode is "
                + $"{Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0')}, not 0700.");
        Ensure(folder);
    }
}
