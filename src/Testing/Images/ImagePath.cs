namespace Platform.Testing;

/// <summary>Validation of paths inside an image.</summary>
internal static class ImagePath
{
    /// <summary>An absolute path without <c>.</c>/<c>..</c> segments, doubled or trailing slashes.</summary>
    public static string Normalize(string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Contains('\n') || path.Contains('"')
            || path.Contains('\\'))
            throw new ArgumentException($"image path must be absolute and plain: {path}", nameof(path));
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var s in segments)
            if (s is "." or "..")
                throw new ArgumentException($"image path must not contain . or ..: {path}", nameof(path));
        return "/" + string.Join('/', segments);
    }

    /// <summary>The folder holding <paramref name="path"/> (<c>/</c> for top-level entries).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
