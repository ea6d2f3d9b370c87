using System.IO.Enumeration;

namespace Platform.Units;

/// <summary>One folder read once: entry names and kinds from readdir, link targets read on demand.</summary>
internal sealed class DirectoryListing
{
    private static readonly EnumerationOptions Options = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly Dictionary<string, Entry> _entries;

    private DirectoryListing(string path, Dictionary<string, Entry> entries, bool exists)
    {
        Path = path;
        _entries = entries;
        Exists = exists;
    }

    public static readonly DirectoryListing Missing = new("", new Dictionary<string, Entry>(), false);

    public string Path { get; }
    public bool Exists { get; }
    public IEnumerable<string> Names => _entries.Keys;
    public int Count => _entries.Count;

    public static DirectoryListing Read(string path)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            // Reference-type elements keep ReadyToRun code usable; value tuples here would be JIT-compiled at start-up.
            var e = new FileSystemEnumerable<Entry>(path, Transform, Options);
            foreach (var entry in e) entries[entry.Name] = entry;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DirectoryListing(path, entries, false);
        }
        return new DirectoryListing(path, entries, true);
    }

    private static Entry Transform(ref FileSystemEntry entry)
    {
        var attributes = entry.Attributes;
        var kind = (attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.Symlink
            : entry.IsDirectory ? EntryKind.Directory
            : (attributes & FileAttributes.Device) != 0 ? EntryKind.Other
            : EntryKind.File;
        return new Entry(entry.FileName.ToString(), kind);
    }

    public EntryKind Kind(string name) => _entries.TryGetValue(name, out var e) ? e.Kind : EntryKind.None;

    /// <summary>The raw target of a symlink entry, or null when the entry is not a readable symlink.</summary>
    public string? LinkTarget(string name)
    {
        if (!_entries.TryGetValue(name, out var e) || e.Kind != EntryKind.Symlink) return null;
        if (!e.TargetRead)
        {
            try { e.Target = new FileInfo(System.IO.Path.Join(Path, name)).LinkTarget; }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            e.TargetRead = true;
        }
        return e.Target;
    }

    private sealed class Entry(string name, EntryKind kind)
    {
        public string Name { get; } = name;
        public EntryKind Kind { get; } = kind;
        public bool TargetRead { get; set; }
        public string? Target { get; set; }
    }
}
