using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Host;

/// <summary>Replaces this process with another program: same pid, descriptors, environment and signal mask.</summary>
internal static class ProcessImage
{
    /// <summary>This process's own argv (argv[0] as it was started, which <c>Main</c>'s arguments lack).</summary>
    public static string[] OwnArguments() => File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');

    /// <summary>
    /// execve(2) with this process's environment, or <paramref name="environment"/> (<c>NAME=VALUE</c> entries) when
    /// given; returns only on failure, with the reason.
    /// </summary>
    public static string Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<string>? environment = null)
    {
        using var strings = new NativeStrings();
        var envp = environment is not null ? strings.Vector(environment)
            : Marshal.ReadIntPtr(NativeLibrary.GetExport(NativeLibrary.Load(LibC.Name), "environ"));
        _ = LibC.execve(strings.String(path), strings.Vector(argv), envp);
        return LibC.StrError(Marshal.GetLastPInvokeError());
    }
}
