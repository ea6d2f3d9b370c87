using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>Checks command names at parse time and finds executables at run time in the fixed search path.</summary>
internal static class ExecutableResolver
{
    /// <summary>
    /// The search path for bare command names and the <c>PATH</c> every service gets (systemd's default for system
    /// services).
    /// </summary>
    public const string SearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private const int X_OK = 1;

    /// <summary>
    /// Why <paramref name="path"/> cannot name an executable (systemd's wording), or null when it can.
    /// </summary>
    public static string? ValidateName(string path)
    {
        if (path.Length == 0) return "Empty path in command line";
        foreach (var c in path)
            if (c < ' ' || c == '\x7f' || c is '"' or '\'' or '\\')
                return "Executable name contains special characters";
        if (path[0] == '/')
            return path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal)
                || path.EndsWith("/..", StringComparison.Ordinal)
                ? "Executable path specifies a directory" : null;
        return path.Contains('/') || path is "." or ".." ? "Neither a valid executable name nor an absolute path"
            : null;
    }

    /// <summary>
    /// Removes repeated slashes and <c>.</c> components from an absolute path; other names are returned as given.
    /// </summary>
    public static string Simplify(string path)
    {
        if (path.Length == 0 || path[0] != '/' || (!path.Contains("//", StringComparison.Ordinal)
            && !path.Contains("/./", StringComparison.Ordinal))) return path;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
            if (part != ".") kept.Add(part);
        return "/" + string.Join('/', kept);
    }

    /// <summary>
    /// The absolute executable for a command path: checked as is when absolute, else searched in
    /// <see cref="SearchPath"/>. Throws <see cref="ServiceStartException"/> ("Failed to locate executable X: ...") when
    /// none is usable.
    /// </summary>
    public static string Resolve(string path)
    {
        if (path.StartsWith('/'))
        {
            var errno = Check(path);
            return errno == 0 ? path : throw Failure(path, errno);
        }
        var best = LibC.ENOENT;
        foreach (var dir in SearchPath.Split(':'))
        {
            var candidate = dir + "/" + path;
            var errno = Check(candidate);
            if (errno == 0) return candidate;
            if (errno != LibC.ENOENT) best = errno;
        }
        throw Failure(path, best);
    }

    private static ServiceStartException Failure(string path, int errno)
        => new($"Failed to locate executable {path}: {LibC.StrError(errno)}");

    /// <summary>
    /// 0 when <paramref name="path"/> is an executable regular file, else the errno that explains why not.
    /// </summary>
    private static int Check(string path)
    {
        if (Directory.Exists(path)) return LibC.EACCES;
        if (!File.Exists(path)) return LibC.ENOENT;
        return LibC.access(path, X_OK) == 0 ? 0 : System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
    }
}
