using Platform.Host;

namespace Platform.PluginHost;

/// <summary>
/// The native systemctl that handed this process the call: execve kept its argv[0], so it is found the way a shell
/// found it (a path, or a name on <c>$PATH</c>). Null when this host was started directly.
/// </summary>
internal static class NativeFrontEnd
{
    public static string? Find()
    {
        var argv0 = ProcessImage.OwnArguments()[0];
        var path = argv0.Contains('/', StringComparison.Ordinal) ? argv0 : OnPath(argv0);
        if (path is null || !File.Exists(path)) return null;
        var full = Path.GetFullPath(path);
        var real = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        return real == Environment.ProcessPath ? null : real;
    }

    private static string? OnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (folder.Length > 0 && File.Exists(Path.Join(folder, name))) return Path.Join(folder, name);
        return null;
    }
}
