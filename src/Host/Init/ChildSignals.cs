using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>
/// SIGCHLD for the init through a signalfd, with the signal blocked in every thread. The runtime must never see it:
/// as PID 1 its own SIGCHLD handling (installed by Process, Console or a PosixSignalRegistration) reaps every child
/// and throws the exit statuses away. Threads inherit the mask of the thread that creates them, so the init re-executes
/// itself once with SIGCHLD blocked before the runtime starts any thread; the mask survives execve.
/// </summary>
internal static class ChildSignals
{
    private const int SIGCHLD = 17, SIG_BLOCK = 0, SFD_CLOEXEC = 0x80000;
    private const string Gen0Budget = "DOTNET_GCgen0size"; // hexadecimal bytes: 0x100000 is 1 MiB

    /// <summary>Whether SIGCHLD is blocked in this thread (from <c>/proc/thread-self/status</c>).</summary>
    public static bool IsBlocked()
    {
        foreach (var line in File.ReadLines("/proc/thread-self/status"))
            if (line.StartsWith("SigBlk:", StringComparison.Ordinal))
                return (ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture) & (1UL << (SIGCHLD - 1))) != 0;
        return false;
    }

    /// <summary>
    /// Replaces this process (same pid, same arguments and environment) with one that starts with SIGCHLD blocked.
    /// </summary>
    public static void ReexecuteBlocked()
    {
        using (var strings = new NativeStrings())
            _ = LibC.pthread_sigmask(SIG_BLOCK, ChildSet(strings), IntPtr.Zero);
        var error = ProcessImage.Replace(Environment.ProcessPath ?? "/proc/self/exe", ProcessImage.OwnArguments(),
            InitEnvironment());
        throw new IOException($"cannot re-execute the init: {error}");
    }

    /// <summary>
    /// This process's environment plus a small first GC budget. The runtime sizes it from the CPU cache (12 MiB here),
    /// all resident once touched: most of an idle init's memory. Commands keep the default (they are done before it
    /// matters); services never see the variable, they get the manager environment.
    /// </summary>
    private static List<string> InitEnvironment()
    {
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            environment.Add($"{entry.Key}={entry.Value}");
        if (Environment.GetEnvironmentVariable(Gen0Budget) is null) environment.Add(Gen0Budget + "=100000");
        return environment;
    }

    /// <summary>
    /// A signalfd that becomes readable when SIGCHLD is pending; the caller reads 128-byte records from it.
    /// </summary>
    public static int OpenSignalFd()
    {
        using var strings = new NativeStrings();
        var fd = LibC.signalfd(-1, ChildSet(strings), SFD_CLOEXEC);
        if (fd < 0) throw new IOException($"signalfd: {LibC.StrError(Marshal.GetLastPInvokeError())}");
        return fd;
    }

    /// <summary>
    /// Blocks until at least one SIGCHLD arrived (several coalesce); false when the descriptor is closed.
    /// </summary>
    public static unsafe bool Wait(int fd)
    {
        var buffer = stackalloc byte[128 * 8];
        while (true)
        {
            var n = LibC.read(fd, (IntPtr)buffer, 128 * 8);
            if (n > 0) return true;
            if (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
            return false;
        }
    }

    private static IntPtr ChildSet(NativeStrings strings)
    {
        var set = strings.Block(LibC.SigSetSize);
        _ = LibC.sigemptyset(set);
        _ = LibC.sigaddset(set, SIGCHLD);
        return set;
    }
}
