using System.Globalization;
using System.Text;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Names of a unit's files: <c>UNIT.journal</c> (being written), then <c>UNIT.journal.1</c>, <c>.2</c>, ... (older).
/// Unit names are used as they are, except characters that could leave the folder or hide the file (<c>/</c>, a
/// leading dot, control characters), which become <c>\xNN</c> like systemd's escaping. Folder listings are filtered
/// by hand: .NET search patterns treat the backslash of systemd-escaped names as an escape.
/// </summary>
internal static class JournalFileNames
{
    public const string Suffix = ".journal";

    public static string Escape(string unit)
    {
        var b = new StringBuilder(unit.Length);
        for (var i = 0; i < unit.Length; i++)
        {
            var c = unit[i];
            if (c == '/' || c < ' ' || c == 0x7f || (i == 0 && c == '.'))
                b.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else b.Append(c);
        }
        return b.Length == 0 ? "\\x2d" : b.ToString();
    }

    public static string Active(string directory, string escapedUnit) => Path.Join(directory, escapedUnit + Suffix);

    public static string Archived(string directory, string escapedUnit, int index)
        => Path.Join(directory, escapedUnit + Suffix + "." + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The escaped unit names that have files in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Units(string directory)
    {
        var units = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory))
                if (UnitOf(Path.GetFileName(path)) is { } unit) units.Add(unit);
        }
        catch (DirectoryNotFoundException) { }
        catch (UnauthorizedAccessException) { }
        return [.. units];
    }

    /// <summary>
    /// Every file of <paramref name="escapedUnit"/>: the active one, then <c>.1</c>, <c>.2</c> ... by number.
    /// </summary>
    public static IReadOnlyList<string> Files(string directory, string escapedUnit)
    {
        var found = new List<(int Index, string Path)>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(path);
                if (UnitOf(name) != escapedUnit) continue;
                var index = name.EndsWith(Suffix, StringComparison.Ordinal)
                    ? 0 : int.Parse(name.AsSpan(name.LastIndexOf('.') + 1), CultureInfo.InvariantCulture);
                found.Add((index, path));
            }
        }
        catch (DirectoryNotFoundException) { }
        catch (UnauthorizedAccessException) { }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found.ConvertAll(f => f.Path);
    }

    private static string? UnitOf(string fileName)
    {
        if (fileName.EndsWith(Suffix, StringComparison.Ordinal)) return fileName[..^Suffix.Length];
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0 || !fileName.AsSpan(0, dot).EndsWith(Suffix, StringComparison.Ordinal)) return null;
        if (!int.TryParse(fileName.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return null;
        return fileName[..(dot - Suffix.Length)];
    }
}
