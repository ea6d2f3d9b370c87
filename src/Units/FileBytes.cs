using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Units;

/// <summary>Whole small files read into one buffer reused by the thread, for parsing a thousand unit files.</summary>
/// <remarks>
/// File.ReadAllBytes costs an fstat, a SafeHandle and a fresh array per file, which showed in list-unit-files. The
/// caller parses the bytes before the next read and keeps nothing of them.
/// </remarks>
internal static class FileBytes
{
    private const int InitialSize = 16 * 1024, KeptSize = 1024 * 1024;

    [ThreadStatic] private static byte[]? t_buffer;

    /// <summary>
    /// The file's content, valid until the thread's next call; false when it cannot be read this way (the caller then
    /// reads it the ordinary way, for the usual error).
    /// </summary>
    public static unsafe bool TryRead(string path, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        var fd = LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        if (fd < 0) return false;
        try
        {
            var buffer = t_buffer ??= new byte[InitialSize];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                nint n;
                fixed (byte* p = &buffer[length]) n = LibC.read(fd, p, buffer.Length - length);
                if (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
                if (n < 0) return false;
                if (n == 0) break;
                length += (int)n;
            }
            // A rare huge file is not worth keeping its buffer for the rest of the process.
            if (buffer.Length <= KeptSize) t_buffer = buffer;
            bytes = buffer.AsSpan(0, length);
            return true;
        }
        finally
        {
            _ = LibC.close(fd);
        }
    }
}
