using System.IO.Enumeration;
using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// A cheap, generous test whether a unit's configuration could name one of <c>names</c>: its file or named drop-ins
/// contain the text, one of its dependency folders links to it, it shares the base name (implicit triggers), or its
/// text cannot be read cheaply (instances, SysV scripts). False positives only cost a unit load.
/// </summary>
internal sealed class CandidateScan
{
    private static readonly string[] LinkFolders = [".wants", ".requires", ".upholds"];
    private readonly UnitRepository _repo;
    private readonly IReadOnlyList<string> _names;
    private readonly HashSet<string> _stems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkOwners = new(StringComparer.Ordinal);
    private readonly List<string> _instances = [];
    private byte[][]? _utf8Names;
    private readonly List<string> _dropInFolders = [];
    private readonly Dictionary<string, List<string>> _dropInsByName = new(StringComparer.Ordinal);
    // The first entry of each name along the search path; regular files are read directly, links go through Locate.
    private readonly Dictionary<string, (string Path, bool IsLink)> _firstEntry = new(StringComparer.Ordinal);

    public CandidateScan(UnitRepository repo, IReadOnlyList<string> names)
    {
        _repo = repo;
        _names = names;
        foreach (var n in names) _stems.Add(UnitNames.WithoutSuffix(n));
        foreach (var dir in repo.Paths.SearchPath)
        {
            if (!Directory.Exists(dir.Path)) continue;
            foreach (var tagged in Entries(dir.Path))
            {
                var (entryPath, isDir, isLink) = (tagged[1..], tagged[0] == 'd', tagged[0] == 'l');
                var folderName = Path.GetFileName(entryPath);
                if (!isDir)
                {
                    _firstEntry.TryAdd(folderName, (entryPath, isLink));
                    continue;
                }
                var folder = entryPath;
                if (folderName.EndsWith(".d", StringComparison.Ordinal))
                {
                    _dropInFolders.Add(folder);
                    if (!_dropInsByName.TryGetValue(folderName, out var same)) _dropInsByName[folderName] = same = [];
                    same.Add(folder);
                }
                var suffix = Array.Find(LinkFolders, s => folderName.EndsWith(s, StringComparison.Ordinal));
                if (suffix is null) continue;
                foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
                {
                    var entryName = Path.GetFileName(entry);
                    if (names.Contains(entryName)) _linkOwners.Add(folderName[..^suffix.Length]);
                    if (UnitNames.IsInstance(entryName) && !_instances.Contains(entryName)) _instances.Add(entryName);
                }
            }
        }
    }

    /// <summary>
    /// Folder entries with their kind from the directory listing itself (d_type), without a stat per entry, each as
    /// one string tagged <c>d</c>/<c>l</c>/<c>f</c> + path (a string result keeps to precompiled generic code).
    /// </summary>
    private static FileSystemEnumerable<string> Entries(string folder)
        => new(folder, (ref FileSystemEntry e) => (e.IsDirectory ? "d" : (e.Attributes & FileAttributes.ReparsePoint) != 0 ? "l" : "f") + e.ToFullPath(),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true });

    /// <summary>Every unit name worth considering: unit files (templates excepted) and instances named in dependency folders.</summary>
    public IEnumerable<string> AllNames()
    {
        foreach (var n in _repo.AllUnitFileNames())
            if (!UnitNames.IsTemplate(n)) yield return n;
        foreach (var i in _instances) yield return i;
    }

    /// <summary>Whether a type-level or prefix drop-in folder (<c>service.d/</c>, <c>a-.service.d/</c>) names the unit: then every unit may.</summary>
    public bool GlobalDropInsMention()
    {
        foreach (var folder in _dropInFolders)
        {
            var unitName = Path.GetFileName(folder)[..^2];
            if (UnitNames.IsValid(unitName) && !unitName.Contains("-.", StringComparison.Ordinal)) continue;
            if (ConfsMention(folder)) return true;
        }
        return false;
    }

    public bool Mentions(string candidate)
    {
        if (_stems.Contains(UnitNames.WithoutSuffix(candidate)) || _linkOwners.Contains(candidate)) return true;
        if (UnitNames.IsInstance(candidate)) return true;
        string? text = null;
        if (_firstEntry.TryGetValue(candidate, out var first) && !first.IsLink)
            return FileMentions(first.Path) || DropInsMention(candidate);
        var loc = _repo.Locate(candidate);
        if (loc.Kind is LocationKind.File or LocationKind.Linked) text = Read(loc.ContentPath ?? loc.Path!);
        else if (loc.Kind == LocationKind.NotFound)
        {
            text = BuiltInUnits.Text(candidate, _repo.Paths.IsUser);
            if (text is null) return true; // a SysV script: its headers become dependencies
        }
        return (text is not null && ContainsName(text)) || DropInsMention(candidate);
    }

    private bool DropInsMention(string candidate)
    {
        if (_dropInsByName.TryGetValue(candidate + ".d", out var folders))
            foreach (var folder in folders)
                if (ConfsMention(folder)) return true;
        return false;
    }

    private bool ConfsMention(string folder)
    {
        foreach (var conf in Directory.EnumerateFiles(folder, "*.conf"))
            if (FileMentions(conf)) return true;
        return false;
    }

    /// <summary>Searches the raw bytes: unit names are ASCII, so no decoding is needed.</summary>
    private bool FileMentions(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        _utf8Names ??= _names.Select(n => System.Text.Encoding.UTF8.GetBytes(n)).ToArray();
        foreach (var n in _utf8Names)
            if (bytes.AsSpan().IndexOf(n) >= 0) return true;
        return false;
    }

    private bool ContainsName(string text)
    {
        foreach (var n in _names)
            if (text.Contains(n, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
