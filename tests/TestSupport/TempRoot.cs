namespace Platform.TestSupport;

/// <summary>
/// A throw-away root folder (for <c>--root</c>) with helpers to lay out unit files; deleted on dispose.
/// </summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot(string? prefix = null)
    {
        Path = Directory.CreateTempSubdirectory(prefix ?? "platform-test-").FullName;
    }

    public string Path { get; }

    /// <summary>The absolute path of a root-relative path such as <c>/etc/systemd/system/a.service</c>.</summary>
    public string Combine(string rootRelative) => System.IO.Path.Join(Path, rootRelative);

    /// <summary>Writes a file under the root, creating folders; returns its absolute path.</summary>
    public string Write(string rootRelative, string content)
    {
        var full = Combine(rootRelative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Writes a unit file into <c>/etc/systemd/system</c> (or another folder).</summary>
    public string WriteUnit(string name, string content, string folder = "/etc/systemd/system")
        => Write($"{folder}/{name}", content);

    /// <summary>Writes an executable script (mode 755) under the root; returns its absolute path.</summary>
    public string WriteScript(string rootRelative, string content)
    {
        var full = Write(rootRelative, content);
        File.SetUnixFileMode(full, (UnixFileMode)0b111_101_101);
        return full;
    }

    /// <summary>
    /// Creates a symbolic link at a root-relative path pointing to <paramref name="target"/> (taken as is).
    /// </summary>
    public string Link(string rootRelative, string target)
    {
        var full = Combine(rootRelative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return full;
    }

    public bool Exists(string rootRelative) => System.IO.Path.Exists(Combine(rootRelative)) || IsLink(rootRelative);

    public bool IsLink(string rootRelative) => new FileInfo(Combine(rootRelative)).LinkTarget is not null;

    public string? LinkTarget(string rootRelative) => new FileInfo(Combine(rootRelative)).LinkTarget;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
