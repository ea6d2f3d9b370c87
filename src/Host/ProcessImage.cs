using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Host;

/// <summary>Replaces this process with another program: same pid, descriptors, environment and signal mask.</summary>
internal static class ProcessImage
{
    /// <summary>This process's own argv (argv[0] as it was started, which <c>Main</c>'s arguments lack).</summary>
    public static string[] OwnArguments() => File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');

    /// <summary>execve(2) with this process's environment; returns only on failure, with the reason.</summary>
    public static string Replace(string path, IReadOnlyList<string> argv)
    {
        using var strings = new NativeStrings();
        var environ = Marshal.ReadIntPtr(NativeLibrary.GetExport(NativeLibrary.Load(LibC.Name), "environ"));
        _ = LibC.execve(strings.String(path), strings.Vector(argv), environ);
        return LibC.StrError(Marshal.GetLastPInvokeError());
    }
}
