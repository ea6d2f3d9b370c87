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

    /// <summary>Reads and parses a file; an unreadable file gives a <see cref="ParsedUnitFile.FatalError"/>.</summary>
    public static ParsedUnitFile ParseFile(string path, Action<string>? warn)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ParsedUnitFile(path, [], [], $"Failed to load {path}: {ErrnoText(e)}");
        }
        return Parse(text, path, warn);
    }

    /// <summary>Parses unit file text; <paramref name="source"/> becomes <see cref="UnitSetting.Source"/> and the warning prefix.</summary>
    public static ParsedUnitFile Parse(string text, string source, Action<string>? warn)
    {
        var settings = new List<UnitSetting>();
        var sections = new List<SectionHeader>();
        string? section = null;
        string? pending = null;
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
            string logical;
            if (EndsWithUnescapedBackslash(raw))
            {
                // systemd replaces the backslash by a space and joins the next line
                pending = string.Concat(pending, raw[..^1], " ");
                if (!atEnd) continue;
                logical = pending;
            }
            else logical = pending is null ? raw.ToString() : string.Concat(pending, raw);
            pending = null;
            var error = ParseLine(logical, source, lineNo, ref section, settings, sections, warn);
            if (error is not null) return new ParsedUnitFile(source, settings, sections, error);
            if (atEnd) break;
        }
        return new ParsedUnitFile(source, settings, sections, null);
    }

    private static string? ParseLine(string logical, string source, int line, ref string? section,
        List<UnitSetting> settings, List<SectionHeader> sections, Action<string>? warn)
    {
        var l = logical.AsSpan().Trim(Whitespace);
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
        settings.Add(new UnitSetting(section, key.ToString(), l[(eq + 1)..].Trim(Whitespace).ToString(), source, line));
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
