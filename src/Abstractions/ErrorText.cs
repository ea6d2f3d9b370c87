using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Platform.Abstractions;

/// <summary>
/// The words a user sees for a failure, as systemd prints them: the errno text (strerror) of the system call that
/// failed. The binary is published with <c>UseSystemResourceKeys</c>, so the runtime's own exception messages are
/// bare resource keys (<c>UnauthorizedAccess_IODenied_Path, /run/x</c>): no user-facing line may print them.
/// </summary>
public static partial class ErrorText
{
    private const int EIO = 5, EACCES = 13, ENOSPC = 28;

    /// <summary>
    /// strerror of the errno behind <paramref name="e"/>; for exceptions this project raised with its own words, those
    /// words. Never a runtime resource key.
    /// </summary>
    public static string Describe(Exception e)
    {
        if (Errno(e) is { } errno) return Strerror(errno);
        return e switch
        {
            FileNotFoundException or DirectoryNotFoundException => Strerror(2),
            UnauthorizedAccessException => Strerror(EACCES),
            PathTooLongException => Strerror(36),
            TimeoutException => Strerror(110),
            OutOfMemoryException or InsufficientExecutionStackException => Strerror(12),
            OperationCanceledException => Strerror(125),
            BadImageFormatException => Strerror(8),
            // EFBIG surfaces as ArgumentOutOfRangeException from file writes.
            ArgumentOutOfRangeException when IsResourceKey(e.Message) => Strerror(27),
            _ when IsResourceKey(e.Message) || e.Message.Length == 0 => e is ArgumentException or FormatException
                ? Strerror(22) : Strerror(EIO),
            _ => e.Message,
        };
    }

    /// <summary>
    /// Like <see cref="Describe"/>, prefixed with the path the failing call named when the runtime recorded one
    /// ("/run/x: Permission denied"), as systemd's log lines name the file.
    /// </summary>
    public static string DescribeWithPath(Exception e)
    {
        var text = Describe(e);
        return PathOf(e) is { } path && !text.Contains(path, StringComparison.Ordinal) ? $"{path}: {text}" : text;
    }

    /// <summary>Whether the failure is the disk (or quota) being full: ENOSPC or EDQUOT.</summary>
    public static bool IsDiskFull(Exception e) => Errno(e) is ENOSPC or 122;

    /// <summary>The errno text of the C library (strerror), e.g. 13 gives "Permission denied".</summary>
    public static string Strerror(int errno)
    {
        var text = Marshal.GetPInvokeErrorMessage(errno);
        return string.IsNullOrEmpty(text) || IsResourceKey(text) ? $"Unknown error {errno}" : text;
    }

    /// <summary>
    /// Whether <paramref name="message"/> is a runtime resource key (what UseSystemResourceKeys leaves).
    /// </summary>
    public static bool IsResourceKey(string message) => ResourceKey().IsMatch(message);

    /// <summary>The errno the runtime recorded for the failed call, when it did.</summary>
    private static int? Errno(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException s:
                    return SocketErrno(s);
                case Win32Exception w when w.NativeErrorCode is > 0 and < 4096:
                    return w.NativeErrorCode;
                // On Unix the runtime's IOExceptions carry the raw errno as their HResult (small and positive);
                // IOExceptions raised with a message of ours keep the default negative HResult.
                case IOException io when io.HResult is > 0 and < 4096:
                    return io.HResult;
            }
        }
        return null;
    }

    private static int? SocketErrno(SocketException s) => s.SocketErrorCode switch
    {
        SocketError.AccessDenied => EACCES,
        SocketError.AddressAlreadyInUse => 98,
        SocketError.AddressNotAvailable => 99,
        SocketError.ConnectionRefused => 111,
        SocketError.ConnectionReset => 104,
        SocketError.TimedOut => 110,
        SocketError.Shutdown => 32,
        SocketError.NoBufferSpaceAvailable => 105,
        SocketError.MessageSize => 90,
        SocketError.AddressFamilyNotSupported => 97,
        SocketError.InvalidArgument => 22,
        SocketError.WouldBlock => 11,
        SocketError.NotConnected => 107,
        SocketError.HostUnreachable => 113,
        SocketError.NetworkUnreachable => 101,
        _ => EIO,
    };

    /// <summary>
    /// The path a runtime message named: resource keys are followed by their arguments, comma separated.
    /// </summary>
    private static string? PathOf(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            var m = KeyedPath().Match(x.Message);
            if (m.Success) return m.Groups[1].Value;
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+(,|$)")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+, (/[^,]*)")]
    private static partial Regex KeyedPath();
}
