using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Units;

/// <summary>One folder read once: entry names and kinds from readdir, link targets read on demand.</summary>
internal sealed class DirectoryListing
{
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

    /// <summary>Names and kinds as readdir found them, each folder's own capacity from the start.</summary>
    [ThreadStatic] private static List<(string Name, EntryKind Kind)>? t_scratch;

    /// <summary>Reads a folder; one that cannot be opened (missing, not a folder, no access) reads as empty.</summary>
    public static DirectoryListing Read(string path)
    {
        var dir = LibC.opendir(path);
        if (dir == IntPtr.Zero) return Missing;
        // Growing the dictionary entry by entry rehashed a thousand-unit folder ten times; a reused list does not.
        var scratch = t_scratch ??= [];
        scratch.Clear();
        try
        {
            // readdir's d_type names the kind without a stat per entry (FileSystemEntry.Attributes would lstat each
            // one, which dominated is-enabled and list-unit-files on large unit folders).
            IntPtr record;
            while ((record = LibC.readdir64(dir)) != IntPtr.Zero)
            {
                var name = LibC.DirentName(record);
                if (name is "." or "..") continue;
                var kind = LibC.DirentType(record) switch
                {
                    LibC.DT_LNK => EntryKind.Symlink,
                    LibC.DT_DIR => EntryKind.Directory,
                    LibC.DT_REG => EntryKind.File,
                    LibC.DT_UNKNOWN => KindByStat(System.IO.Path.Join(path, name)),
                    _ => EntryKind.Other,
                };
                scratch.Add((name, kind));
            }
        }
        finally
        {
            _ = LibC.closedir(dir);
        }
        var entries = new Dictionary<string, Entry>(scratch.Count, StringComparer.Ordinal);
        foreach (var (name, kind) in scratch) entries[name] = new Entry(kind);
        scratch.Clear();
        return new DirectoryListing(path, entries, true);
    }

    /// <summary>For file systems that leave d_type unknown.</summary>
    private static EntryKind KindByStat(string full)
    {
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null) return EntryKind.Symlink;
            if (Directory.Exists(full)) return EntryKind.Directory;
            return info.Exists ? EntryKind.File : EntryKind.Other;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return EntryKind.Other; }
    }

    public EntryKind Kind(string name) => _entries.TryGetValue(name, out var e) ? e.Kind : EntryKind.None;

    /// <summary>The raw target of a symlink entry, or null when the entry is not a readable symlink.</summary>
    public string? LinkTarget(string name)
    {
        ref var e = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, name);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref e) || e.Kind != EntryKind.Symlink) return null;
        if (!e.TargetRead)
        {
            e.Target = LibC.ReadLink(System.IO.Path.Join(Path, name));
            e.TargetRead = true;
        }
        return e.Target;
    }

    /// <summary>A struct in the dictionary: folders of a thousand units made an object per entry show.</summary>
    private struct Entry(EntryKind kind)
    {
        public readonly EntryKind Kind = kind;
        public bool TargetRead;
        public string? Target;
    }
}
