using System.Globalization;
using System.Text;
using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Resolves the <c>%</c> specifiers of systemd.unit(5) ("Specifiers") for one unit.
/// <c>$VAR</c> references are not touched: they are expanded when a command runs.
/// </summary>
public sealed class SpecifierExpander
{
    private readonly UnitPaths _paths;
    private readonly SystemFacts _facts;
    private readonly string _id;
    private readonly string? _fragmentInRoot;

    internal SpecifierExpander(UnitPaths paths, SystemFacts facts, string id, string? fragmentInRoot)
    {
        _paths = paths;
        _facts = facts;
        _id = id;
        _fragmentInRoot = fragmentInRoot;
    }

    /// <summary>
    /// Expands every specifier; on an unknown or unresolvable one returns false and names it in
    /// <paramref name="error"/>.
    /// </summary>
    public bool TryExpand(string value, out string result, out string? error)
    {
        error = null;
        if (!value.Contains('%')) { result = value; return true; }
        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '%' || i + 1 >= value.Length) { sb.Append(c); continue; }
            var spec = value[++i];
            var resolved = Resolve(spec);
            if (resolved is null)
            {
                result = value;
                error = spec == 'y' || spec == 'Y' ? "No such file or directory" : "Invalid slot";
                return false;
            }
            sb.Append(resolved);
        }
        result = sb.ToString();
        return true;
    }

    private string? Resolve(char spec)
    {
        var user = _paths.IsUser;
        var home = _paths.Home ?? "/root";
        var identity = user ? ProcessIdentity.Current : null;
        return spec switch
        {
            '%' => "%",
            'n' => _id,
            'N' => UnitNames.WithoutSuffix(_id),
            'p' => UnitNames.PrefixOf(_id),
            'P' => UnitNameEscaping.Unescape(UnitNames.PrefixOf(_id)),
            'i' => UnitNames.InstanceOf(_id) ?? "",
            'I' => UnitNameEscaping.Unescape(UnitNames.InstanceOf(_id) ?? ""),
            'j' => FinalComponent(UnitNames.PrefixOf(_id)),
            'J' => UnitNameEscaping.Unescape(FinalComponent(UnitNames.PrefixOf(_id))),
            'f' => UnitNameEscaping.UnescapePath(UnitNames.InstanceOf(_id) ?? UnitNames.PrefixOf(_id)),
            'y' => _fragmentInRoot,
            'Y' => _fragmentInRoot is null ? null : RootedPath.Folder(_fragmentInRoot),
            't' => _paths.RuntimeDirectory,
            'd' => (user ? _paths.RuntimeDirectory : "/run") + "/credentials/" + _id,
            'S' => user ? home + "/.config" : "/var/lib",
            'C' => user ? home + "/.cache" : "/var/cache",
            'L' => user ? home + "/.config/log" : "/var/log",
            'E' => user ? home + "/.config" : "/etc",
            'T' => TempDir("/tmp"),
            'V' => TempDir("/var/tmp"),
            'h' => user ? home : "/root",
            's' => user ? identity!.Shell : "/bin/sh",
            'u' => user ? identity!.UserName : "root",
            'U' => user ? identity!.Uid.ToString(CultureInfo.InvariantCulture) : "0",
            'g' => user ? identity!.GroupName : "root",
            'G' => user ? identity!.Gid.ToString(CultureInfo.InvariantCulture) : "0",
            'H' => _facts.Hostname,
            'l' => _facts.ShortHostname,
            'q' => _facts.PrettyHostname,
            'm' => _facts.MachineId,
            'b' => KernelBootId.Hex,
            'v' => _facts.KernelRelease,
            'a' => SystemFacts.Architecture,
            'o' => _facts.OsRelease("ID"),
            'w' => _facts.OsRelease("VERSION_ID"),
            'W' => _facts.OsRelease("VARIANT_ID"),
            'B' => _facts.OsRelease("BUILD_ID"),
            'M' => _facts.OsRelease("IMAGE_ID"),
            'A' => _facts.OsRelease("IMAGE_VERSION"),
            _ => null,
        };
    }

    private static string FinalComponent(string prefix)
    {
        var dash = prefix.LastIndexOf('-');
        return dash < 0 ? prefix : prefix[(dash + 1)..];
    }

    private static string TempDir(string fallback)
    {
        foreach (var v in (string[])["TMPDIR", "TEMP", "TMP"])
            if (Environment.GetEnvironmentVariable(v) is { Length: > 0 } dir && dir.StartsWith('/')) return dir;
        return fallback;
    }
}
