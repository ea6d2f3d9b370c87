using System.Runtime.InteropServices;

namespace Platform.Host.Init;

/// <summary>The calling thread's name as <c>/proc/PID/comm</c> shows it (for the main thread: the process's).</summary>
internal static partial class ProcessName
{
    private const int PR_SET_NAME = 15;

    public static void Set(string name) => prctl(PR_SET_NAME, name, 0, 0, 0);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int prctl(int option, string name, nuint arg3, nuint arg4, nuint arg5);
}
