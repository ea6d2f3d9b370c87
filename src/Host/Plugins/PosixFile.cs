using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Host.Plugins;

/// <summary>
/// stat(2)/lstat(2) owner and mode, which .NET does not expose; enough to refuse files and folders others could
/// replace.
/// </summary>
internal static class PosixFile
{
    // The exact glibc soname: plain "libc" makes the runtime probe several wrong names first.
    private const string Libc = "libc.so.6";
    public const uint TypeMask = 0xF000, Directory = 0x4000, SymbolicLink = 0xA000, Sticky = 0x200;
    private static bool s_useXstat;

    // Blittable arguments (a NUL-terminated UTF-8 path) keep the marshalling stub trivial.
    [DllImport(Libc, EntryPoint = "stat")]
    private static extern int Stat(ref byte path, ref byte buffer);

    [DllImport(Libc, EntryPoint = "lstat")]
    private static extern int LStat(ref byte path, ref byte buffer);

    // glibc before 2.33 exports stat only through these versioned entry points.
    [DllImport(Libc, EntryPoint = "__xstat")]
    private static extern int XStat(int version, ref byte path, ref byte buffer);

    [DllImport(Libc, EntryPoint = "__lxstat")]
    private static extern int LXStat(int version, ref byte path, ref byte buffer);

    [DllImport(Libc, EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId { get; } = GetEuid();

    /// <summary>
    /// Owner and mode (type bits included) of a path, symbolic links followed; null when it cannot be examined.
    /// </summary>
    public static (uint Uid, uint Mode)? Examine(string path) => Examine(path, follow: true);

    /// <summary>
    /// Owner and mode (type bits included) of the path itself (lstat: a symbolic link is not followed).
    /// </summary>
    public static (uint Uid, uint Mode)? ExamineLink(string path) => Examine(path, follow: false);

    private static (uint Uid, uint Mode)? Examine(string path, bool follow)
    {
        var buffer = new byte[256];
        var utf8 = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        Encoding.UTF8.GetBytes(path, utf8);
        int rc;
        if (!s_useXstat)
        {
            try { rc = follow ? Stat(ref utf8[0], ref buffer[0]) : LStat(ref utf8[0], ref buffer[0]); }
            catch (EntryPointNotFoundException) { s_useXstat = true; rc = StatCompat(utf8, buffer, follow); }
        }
        else rc = StatCompat(utf8, buffer, follow);
        if (rc != 0) return null;
        // struct stat differs per architecture: x86_64 has a 64-bit st_nlink before st_mode, the generic layout (arm64)
        // a 32-bit one after it.
        var (modeOffset, uidOffset) = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (24, 28) : (16, 24);
        return (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(uidOffset)),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(modeOffset)));
    }

    private static int StatCompat(byte[] path, byte[] buffer, bool follow)
    {
        var version = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0;
        return follow ? XStat(version, ref path[0], ref buffer[0]) : LXStat(version, ref path[0], ref buffer[0]);
    }
}
