using System.Text;

namespace Platform.Units;

/// <summary>
/// Unit name rules of systemd.unit(5): valid characters, type suffixes, templates
/// (<c>a@.service</c>), instances (<c>a@x.service</c>) and string escaping.
/// </summary>
public static class UnitNames
{
    /// <summary>The unit type suffixes systemd knows, without the dot.</summary>
    public static readonly IReadOnlyList<string> Types =
        ["service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer", "slice", "scope"];

    /// <summary>
    /// Turns a command-line unit argument into a unit name: no known suffix adds <paramref name="defaultSuffix"/>,
    /// characters not allowed in unit names are escaped as <c>\xNN</c> (as <c>systemctl</c> does).
    /// A path-like argument is returned unchanged (callers decide what paths mean).
    /// </summary>
    public static string NormalizeName(string name, string defaultSuffix = ".service")
        => Mangle(name, defaultSuffix, out _);

    /// <summary>Like <see cref="NormalizeName"/> and reports whether characters had to be escaped.</summary>
    public static string Mangle(string name, string defaultSuffix, out bool escaped)
    {
        escaped = false;
        if (name.Length == 0 || name.Contains('/')) return name;
        var sb = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (IsValidChar(c) || c == '@') sb.Append(c);
            else { sb.Append("\\x").Append(((int)c & 0xff).ToString("x2")); escaped = true; }
        }
        var s = sb.ToString();
        if (TypeOf(s) is null) s += defaultSuffix;
        return s;
    }

    /// <summary>
    /// The type (<c>service</c>, <c>target</c>, ...) of a name, or null when the suffix is not a known type.
    /// </summary>
    public static string? TypeOf(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0) return null;
        var suffix = name.AsSpan(dot + 1);
        foreach (var t in Types)
            if (suffix.SequenceEqual(t)) return t;
        return null;
    }

    /// <summary>Whether a name is a valid plain, template or instance unit name.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || name.Length > 255 || TypeOf(name) is null) return false;
        var dot = name.LastIndexOf('.');
        var at = name.IndexOf('@');
        if (at == 0) return false;
        if (at > 0 && name.IndexOf('@', at + 1) is var second && second >= 0 && second < dot) return false;
        for (var i = 0; i < dot; i++)
        {
            var c = name[i];
            if (c == '@') continue;
            if (!IsValidChar(c)) return false;
        }
        return dot > 0;
    }

    /// <summary><c>a@.service</c>.</summary>
    public static bool IsTemplate(string name)
    {
        var at = name.IndexOf('@');
        return at > 0 && at + 1 < name.Length && name[at + 1] == '.' && at + 1 == name.LastIndexOf('.');
    }

    /// <summary><c>a@x.service</c>.</summary>
    public static bool IsInstance(string name)
    {
        var at = name.IndexOf('@');
        return at > 0 && at + 1 < name.LastIndexOf('.');
    }

    /// <summary>The template of an instance (<c>a@x.service</c> → <c>a@.service</c>), or null.</summary>
    public static string? TemplateOf(string name)
    {
        if (!IsInstance(name)) return null;
        var at = name.IndexOf('@');
        return string.Concat(name.AsSpan(0, at + 1), name.AsSpan(name.LastIndexOf('.')));
    }

    /// <summary>The instance part (<c>x</c> of <c>a@x.service</c>), or null for non-instances.</summary>
    public static string? InstanceOf(string name)
    {
        if (!IsInstance(name)) return null;
        var at = name.IndexOf('@');
        return name.Substring(at + 1, name.LastIndexOf('.') - at - 1);
    }

    /// <summary>Builds <c>a@i.service</c> from a template or instance name and an instance.</summary>
    public static string WithInstance(string name, string instance)
    {
        var at = name.IndexOf('@');
        if (at < 0) return name;
        return string.Concat(name.AsSpan(0, at + 1), instance, name.AsSpan(name.LastIndexOf('.')));
    }

    /// <summary>The prefix: the part before <c>@</c>, or the name without suffix (<c>%p</c>).</summary>
    public static string PrefixOf(string name)
    {
        var at = name.IndexOf('@');
        if (at > 0) return name[..at];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>The name without its type suffix (<c>%N</c>).</summary>
    public static string WithoutSuffix(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>
    /// Whether the file name of <paramref name="name"/> ends with the same type suffix as <paramref name="other"/>.
    /// </summary>
    public static bool SameType(string name, string other) => TypeOf(name) is { } t && t == TypeOf(other);

    internal static bool IsValidChar(char c)
        => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.' or '\\';
}
