using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Platform.StatusStores.Json.Native;

/// <summary>
/// Opens a record without following a link and reads its owner and size from the open descriptor (fstat), so the
/// checks and the read concern the same file. .NET exposes neither the owner nor O_NOFOLLOW.
/// </summary>
internal static class RecordFile
{
    private const string Libc = "libc.so.6";
    private const int OpenReadOnly = 0, OpenNoFollow = 0x20000, OpenCloseOnExec = 0x80000;
    private const int ENOENT = 2, ENOTDIR = 20;
    private static bool s_useXstat;

    [DllImport(Libc, EntryPoint = "open", SetLastError = true)]
    private static extern int Open(ref byte path, int flags, int mode);

    [DllImport(Libc, EntryPoint = "fstat")]
    private static extern int FStat(int fd, ref byte buffer);

    // glibc before 2.33 exports fstat only through this versioned entry point.
    [DllImport(Libc, EntryPoint = "__fxstat")]
    private static extern int FXStat(int version, int fd, ref byte buffer);

    [DllImport(Libc, EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId { get; } = GetEuid();

    /// <summary>
    /// The open record with its owner and size; null when there is no such file. Throws IOException for other failures
    /// (a link in its place fails with ELOOP).
    /// </summary>
    public static (SafeFileHandle Handle, uint Uid, long Size)? OpenRecord(string path)
    {
        var utf8 = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        Encoding.UTF8.GetBytes(path, utf8);
        var fd = Open(ref utf8[0], OpenReadOnly | OpenNoFollow | OpenCloseOnExec, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR) return null;
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[256];
        int rc;
        if (!s_useXstat)
        {
            try { rc = FStat(fd, ref buffer[0]); }
            catch (EntryPointNotFoundException) { s_useXstat = true; rc = FStatCompat(fd, buffer); }
        }
        else rc = FStatCompat(fd, buffer);
        if (rc != 0)
        {
            handle.Dispose();
            throw new IOException($"{path}: cannot examine the file");
        }
        // struct stat: x86_64 has st_uid at 28 and st_size at 48; the generic layout (arm64) at 24 and 48.
        var uidOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 28 : 24;
        return (handle, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(uidOffset)), BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(48)));
    }

    private static int FStatCompat(int fd, byte[] buffer)
        => FXStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, fd, ref buffer[0]);
}
