using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Platform.Exec;

/// <summary>
/// How to start this program in its <c>__exec</c> helper mode (used to switch user, which posix_spawn cannot do):
/// the executable plus arguments that come before <c>__exec</c> (e.g. <c>dotnet</c> and an assembly path).
/// </summary>
/// <param name="Path">The program to spawn.</param>
/// <param name="PrefixArguments">Arguments placed between argv[0] and <c>__exec</c>.</param>
internal sealed record ExecHelperCommand(string Path, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>
    /// AppContext data naming a native systemctl to run the helper with instead of this program: the managed plugin
    /// host sets it to the native executable that handed it the call, whose helper starts in a few milliseconds.
    /// </summary>
    public const string NativeExecutableKey = "Platform.NativeSystemctl";

    /// <summary>
    /// The native systemctl the plugin host was handed the call by (<see cref="NativeExecutableKey"/>), else the
    /// running program itself: the apphost (<c>systemctl</c>), or <c>dotnet ENTRY.dll</c> when run through the muxer.
    /// </summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "Only read under the dotnet muxer, which never runs the native executable.")]
    public static ExecHelperCommand ForCurrentProcess()
    {
        if (AppContext.GetData(NativeExecutableKey) is string native) return new ExecHelperCommand(native, []);
        var process = Environment.ProcessPath ?? "/proc/self/exe";
        if (System.IO.Path.GetFileName(process) == "dotnet" && Assembly.GetEntryAssembly()
            ?.Location is { Length: > 0 } entry)
            return new ExecHelperCommand(process, [entry]);
        return new ExecHelperCommand(process, []);
    }
}
