using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Reads unit files and drop-ins per systemd.syntax(7): <c>[Section]</c> headers, <c>Key=Value</c> lines,
/// <c>#</c>/<c>;</c> comments, backslash continuation (comment lines inside a continuation are skipped).
/// Problems are reported as <c>FILE:LINE: message</c> through the warn callback, worded as systemd words them.
/// </summary>
public static class UnitFileParser
{
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];

    /// <summary>systemd's LONG_LINE_MAX: a longer physical line makes the whole file unloadable (ENOBUFS).</summary>
    public const int LongLineMax = 1 << 20;

    private const int ENOBUFS = 105, EINVAL = 22;

    /// <summary>Reads and parses a file; an unreadable file gives a <see cref="ParsedUnitFile.FatalError"/>.</summary>
    public static ParsedUnitFile ParseFile(string path, Action<string>? warn) => ParseFile(path, warn, null);

    /// <summary>
    /// Like <see cref="ParseFile(string, Action{string}?)"/>, keeping only the settings of section
    /// <paramref name="onlySection"/> (all when null); warnings and errors stay those of the whole file.
    /// </summary>
    internal static ParsedUnitFile ParseFile(string path, Action<string>? warn, string? onlySection)
    {
        if (FileBytes.TryRead(path, out var read)) return ParseBytes(read, path, warn, onlySection);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ParsedUnitFile(path, [], [], $"Failed to load {path}: {ErrnoText(e)}");
        }
        return ParseBytes(bytes, path, warn, onlySection);
    }

    /// <summary>
    /// Parses the raw bytes of a unit file as systemd reads them: a NUL ends a line as a newline does, a line of
    /// <see cref="LongLineMax"/> bytes or more fails the file (ENOBUFS), and an assignment or section header that is
    /// not valid UTF-8 is refused with its invalid bytes shown as U+FFFD, failing the file (EINVAL), never silently
    /// replaced and used.
    /// </summary>
    public static ParsedUnitFile ParseBytes(ReadOnlySpan<byte> bytes, string source, Action<string>? warn)
        => ParseBytes(bytes, source, warn, null);

    private static ParsedUnitFile ParseBytes(ReadOnlySpan<byte> bytes, string source, Action<string>? warn,
        string? onlySection)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (LongestLine(bytes) >= LongLineMax)
            return new ParsedUnitFile(source, [], [], $"Failed to load {source}: {ErrorText.Strerror(ENOBUFS)}");
        var hasNul = bytes.IndexOf((byte)0) >= 0;
        if (!hasNul && System.Text.Unicode.Utf8.IsValid(bytes))
            return Parse(System.Text.Encoding.UTF8.GetString(bytes), source, warn, null, onlySection);
        var copy = bytes.ToArray();
        if (hasNul) copy.AsSpan().Replace((byte)0, (byte)'\n');
        return Parse(System.Text.Encoding.UTF8.GetString(copy), source, warn, InvalidLines(copy), onlySection);
    }

    /// <summary>
    /// Parses unit file text; <paramref name="source"/> becomes <see cref="UnitSetting.Source"/> and the warning
    /// prefix.
    /// </summary>
    public static ParsedUnitFile Parse(string text, string source, Action<string>? warn) =>
        Parse(text, source, warn, null, null);

    private static ParsedUnitFile Parse(string text, string source, Action<string>? warn, HashSet<int>? invalidUtf8,
        string? onlySection)
    {
        var settings = new List<UnitSetting>();
        var sections = new List<SectionHeader>();
        string? section = null;
        string? pending = null;
        var pendingInvalid = false;
        var lineNo = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var raw = text.AsSpan(start, end - start);
            var atEnd = end >= text.Length;
            start = end + 1;
            if (atEnd && raw.Length == 0 && pending is null) break;
            lineNo++;
            var trimmed = raw.TrimStart(Whitespace);
            if (trimmed.Length > 0 && trimmed[0] is '#' or ';') continue;
            if (pending is null && trimmed.Length == 0) continue;
            pendingInvalid |= invalidUtf8?.Contains(lineNo) == true;
            ReadOnlySpan<char> logical;
            if (EndsWithUnescapedBackslash(raw))
            {
                // systemd replaces the backslash by a space and joins the next line
                pending = string.Concat(pending, raw[..^1], " ");
                if (!atEnd) continue;
                logical = pending;
            }
            else logical = pending is null ? raw : string.Concat(pending, raw);
            pending = null;
            if (pendingInvalid)
            {
                warn?.Invoke(
                    $"{source}:{lineNo}: String is not UTF-8 clean, ignoring assignment: "
                    + $"{logical.Trim(Whitespace)}");
                return new ParsedUnitFile(source, settings, sections,
                    $"Failed to load {source}: {ErrorText.Strerror(EINVAL)}");
            }
            var error = ParseLine(logical, source, lineNo, ref section, settings, sections, warn, onlySection);
            if (error is not null) return new ParsedUnitFile(source, settings, sections, error);
            if (atEnd) break;
        }
        return new ParsedUnitFile(source, settings, sections, null);
    }

    private static int LongestLine(ReadOnlySpan<byte> bytes)
    {
        var longest = 0;
        while (true)
        {
            var n = bytes.IndexOfAny((byte)'\n', (byte)0);
            longest = Math.Max(longest, n < 0 ? bytes.Length : n);
            if (n < 0) return longest;
            bytes = bytes[(n + 1)..];
        }
    }

    /// <summary>The (1-based) numbers of the lines that are not valid UTF-8.</summary>
    private static HashSet<int> InvalidLines(ReadOnlySpan<byte> bytes)
    {
        var invalid = new HashSet<int>();
        for (var line = 1; ; line++)
        {
            var n = bytes.IndexOf((byte)'\n');
            if (!System.Text.Unicode.Utf8.IsValid(n < 0 ? bytes : bytes[..n])) invalid.Add(line);
            if (n < 0) return invalid;
            bytes = bytes[(n + 1)..];
        }
    }

    private static string? ParseLine(ReadOnlySpan<char> logical, string source, int line, ref string? section,
        List<UnitSetting> settings, List<SectionHeader> sections, Action<string>? warn, string? onlySection)
    {
        var l = logical.Trim(Whitespace);
        if (l.Length == 0 || l[0] is '#' or ';') return null;
        if (l[0] == '[')
        {
            if (l.Length < 2 || l[^1] != ']') return $"{source}:{line}: Invalid section header '{l}'";
            section = l[1..^1].ToString();
            sections.Add(new SectionHeader(section, line));
            return null;
        }
        if (section is null)
        {
            warn?.Invoke($"{source}:{line}: Assignment outside of section. Ignoring.");
            return null;
        }
        var eq = l.IndexOf('=');
        if (eq < 0)
        {
            warn?.Invoke($"{source}:{line}: Missing '=', ignoring line.");
            return null;
        }
        var key = l[..eq].Trim(Whitespace);
        if (key.Length == 0)
        {
            warn?.Invoke($"{source}:{line}: Missing key name before '=', ignoring line.");
            return null;
        }
        if (onlySection is null || section == onlySection)
            settings.Add(new UnitSetting(section, key.ToString(), l[(eq + 1)..].Trim(Whitespace).ToString(), source,
                line));
        return null;
    }

    private static bool EndsWithUnescapedBackslash(ReadOnlySpan<char> line)
    {
        var escaped = false;
        foreach (var c in line) escaped = !escaped && c == '\\';
        return escaped;
    }

    internal static string ErrnoText(Exception e) => ErrorText.Describe(e);
}
