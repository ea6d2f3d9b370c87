using Platform.Interop;

namespace Platform.Host.Plugins;

/// <summary>
/// Owner and mode of a path, which .NET does not expose; enough to refuse files and folders others could replace.
/// </summary>
internal static class PosixFile
{
    public const uint TypeMask = LibC.S_IFMT, Directory = LibC.S_IFDIR, SymbolicLink = LibC.S_IFLNK;
    public const uint Sticky = LibC.S_ISVTX;

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId { get; } = LibC.geteuid();

    /// <summary>
    /// Owner and mode (type bits included) of a path, symbolic links followed; null when it cannot be examined.
    /// </summary>
    public static (uint Uid, uint Mode)? Examine(string path) => Examine(path, follow: true);

    /// <summary>
    /// Owner and mode (type bits included) of the path itself (lstat: a symbolic link is not followed).
    /// </summary>
    public static (uint Uid, uint Mode)? ExamineLink(string path) => Examine(path, follow: false);

    private static (uint Uid, uint Mode)? Examine(string path, bool follow)
        => LibC.Stat(path, follow, out var status) ? (status.Uid, status.Mode) : null;
}
