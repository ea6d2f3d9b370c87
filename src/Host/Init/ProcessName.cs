using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>The calling thread's name as <c>/proc/PID/comm</c> shows it (for the main thread: the process's).</summary>
internal static class ProcessName
{
    public static void Set(string name) => LibC.SetThreadName(name);
}
