using Platform.Interop;

namespace Platform.Units;

/// <summary>An empty unit file or drop-in masks, as a link to /dev/null does.</summary>
internal static class EmptyFile
{
    /// <summary>
    /// True when <paramref name="path"/> (links followed) is a non-folder of size 0; false when it cannot be examined.
    /// </summary>
    /// <remarks>One statx, without the FileInfo object FileInfo.Length costs per unit file.</remarks>
    public static bool Is(string path)
        => LibC.Stat(path, follow: true, out var status) && status.Type != LibC.S_IFDIR && status.Size == 0;
}
