using System.Text;

namespace Platform.Notifiers;

/// <summary>
/// Where a unit's notify socket lives. The rule: <c>{RunDirectory}/notify.{unit}</c> when that path fits
/// sockaddr_un's sun_path (at most 107 bytes of UTF-8 plus the terminating NUL); otherwise (deep
/// <c>--root</c> folders) the Linux abstract address <c>@platform/notify/{16 hex digits of FNV-1a-64(path)}</c>,
/// which sd_notify clients accept because a leading <c>@</c> in NOTIFY_SOCKET means "abstract".
/// When that abstract name is held by a live endpoint in another process, <c>-{pid}</c> is appended.
/// </summary>
internal static class NotifyAddress
{
    /// <summary>Longest file path that still fits sun_path with its NUL terminator.</summary>
    public const int MaxPathBytes = 107;

    /// <summary>The socket file path for a unit (whether or not it fits sun_path).</summary>
    public static string FilePath(string runDirectory, string unitName)
        => Path.Join(runDirectory, "notify." + unitName);

    /// <summary>True when <paramref name="path"/> can be bound as a file socket.</summary>
    public static bool FitsSunPath(string path) => Encoding.UTF8.GetByteCount(path) <= MaxPathBytes;

    /// <summary>The abstract fallback name (with its <c>@</c>) for a path that does not fit.</summary>
    public static string AbstractFor(string path, int? disambiguator = null)
    {
        var name = "@platform/notify/" + Fnv1a64(path).ToString("x16");
        return disambiguator is { } d ? name + "-" + d : name;
    }

    // A tiny stable hash: the abstract name must not depend on the process (string.GetHashCode is randomized),
    // and loading a cryptographic hash would cost milliseconds of start-up.
    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
