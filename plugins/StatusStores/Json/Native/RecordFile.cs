using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Platform.Interop;

namespace Platform.StatusStores.Json.Native;

/// <summary>
/// Opens a record without following a link and reads its owner and size from the open descriptor, so the checks and
/// the read concern the same file. .NET exposes neither the owner nor O_NOFOLLOW.
/// </summary>
internal static class RecordFile
{
    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId { get; } = LibC.geteuid();

    /// <summary>
    /// The open record with its owner and size; null when there is no such file. Throws IOException for other failures
    /// (a link in its place fails with ELOOP).
    /// </summary>
    public static (SafeFileHandle Handle, uint Uid, long Size)? OpenRecord(string path)
    {
        var fd = LibC.open(path, LibC.O_RDONLY | LibC.O_NOFOLLOW | LibC.O_CLOEXEC, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is LibC.ENOENT or LibC.ENOTDIR) return null;
            throw new IOException($"{path}: {LibC.StrError(errno)}");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (!LibC.Stat(fd, out var status))
        {
            handle.Dispose();
            throw new IOException($"{path}: cannot examine the file");
        }
        return (handle, status.Uid, (long)status.Size);
    }
}
