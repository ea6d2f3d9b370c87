using System.IO.Enumeration;
using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// The unit folders read once per command for reverse-dependency scans: the first entry of each name along the
/// search path, drop-in folders, the entries of <c>.wants/.requires/.upholds</c> folders, and file contents
/// (kept, so scanning for several units, as <c>list-dependencies</c> does, reads each file only once).
/// </summary>
internal sealed class UnitFolderIndex
{
    private static readonly string[] LinkSuffixes = [".wants", ".requires", ".upholds"];
    private readonly Dictionary<string, byte[]> _contents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _confs = new(StringComparer.Ordinal);

    public UnitFolderIndex(UnitRepository repo)
    {
        foreach (var dir in repo.Paths.SearchPath)
        {
            if (!Directory.Exists(dir.Path)) continue;
            foreach (var tagged in Entries(dir.Path))
            {
                var (path, isDir, isLink) = (tagged[1..], tagged[0] == 'd', tagged[0] == 'l');
                var name = Path.GetFileName(path);
                if (!isDir)
                {
                    FirstEntry.TryAdd(name, (path, isLink));
                    continue;
                }
                if (name.EndsWith(".d", StringComparison.Ordinal))
                {
                    DropInFolders.Add(path);
                    if (!DropInsByName.TryGetValue(name, out var same)) DropInsByName[name] = same = [];
                    same.Add(path);
                }
                var suffix = Array.Find(LinkSuffixes, s => name.EndsWith(s, StringComparison.Ordinal));
                if (suffix is null) continue;
                var entries = new List<string>();
                foreach (var entry in Directory.EnumerateFileSystemEntries(path))
                {
                    var entryName = Path.GetFileName(entry);
                    entries.Add(entryName);
                    if (UnitNames.IsInstance(entryName) && !Instances.Contains(entryName)) Instances.Add(entryName);
                }
                LinkFolders.Add((name[..^suffix.Length], entries));
            }
        }
    }

    /// <summary>Name → the first entry with that name along the search path (regular file or link).</summary>
    public Dictionary<string, (string Path, bool IsLink)> FirstEntry { get; } = new(StringComparer.Ordinal);

    /// <summary>Every <c>*.d</c> folder in the unit folders.</summary>
    public List<string> DropInFolders { get; } = [];

    /// <summary>Drop-in folders by folder name (<c>x.service.d</c>), in search-path order.</summary>
    public Dictionary<string, List<string>> DropInsByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Each dependency folder as (owning unit, entry names).</summary>
    public List<(string Owner, List<string> Entries)> LinkFolders { get; } = [];

    /// <summary>Instances named in dependency folders (they have no file of their own).</summary>
    public List<string> Instances { get; } = [];

    /// <summary>The <c>*.conf</c> files of a drop-in folder, listed on first use.</summary>
    public string[] Confs(string folder)
    {
        if (!_confs.TryGetValue(folder, out var files))
        {
            try { files = Directory.GetFiles(folder, "*.conf"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { files = []; }
            _confs[folder] = files;
        }
        return files;
    }

    /// <summary>A file's bytes, read on first use; empty when unreadable.</summary>
    public byte[] Content(string path)
    {
        if (_contents.TryGetValue(path, out var bytes)) return bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { bytes = []; }
        _contents[path] = bytes;
        return bytes;
    }

    /// <summary>
    /// Folder entries tagged <c>d</c>/<c>l</c>/<c>f</c> + path (a string result keeps to precompiled generic code).
    /// </summary>
    private static FileSystemEnumerable<string> Entries(string folder)
        => new(folder, (ref FileSystemEntry e) =>
            (e.IsDirectory ? "d" : (e.Attributes & FileAttributes.ReparsePoint) != 0 ? "l" : "f") + e.ToFullPath(),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true });
}
