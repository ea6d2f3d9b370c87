using System.Globalization;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>Reads the systemd.exec(5) settings a spawn needs from a unit's [Service] section.</summary>
internal static class UnitExecSettings
{
    private const string S = "Service";
    private const uint DefaultUmask = 0x12; // 0022

    /// <summary>Whether User=, Group= or SupplementaryGroups= asks for an identity switch.</summary>
    public static bool HasCredentials(UnitDefinition unit)
        => unit.Get(S, "User") is not null || unit.Get(S, "Group") is not null
            || unit.GetWords(S, "SupplementaryGroups").Count > 0;

    /// <summary>Resolves User= (this process's user when unset), Group= and SupplementaryGroups=.</summary>
    public static UserCredentials Credentials(UnitDefinition unit)
        => UserCredentials.Resolve(unit.Get(S, "User") ?? LibC.geteuid().ToString(CultureInfo.InvariantCulture),
            unit.Get(S, "Group"), unit.GetWords(S, "SupplementaryGroups"));

    /// <summary>
    /// <c>WorkingDirectory=</c>: <c>-</c> makes a missing directory acceptable, <c>~</c> is the user's home; default
    /// <c>/</c>.
    /// </summary>
    public static (string Directory, bool Optional) WorkingDirectory(UnitDefinition unit, UserCredentials? credentials)
    {
        var value = unit.Get(S, "WorkingDirectory");
        if (value is null) return ("/", false);
        var optional = value.StartsWith('-');
        if (optional) value = value[1..];
        if (value == "~")
            value = (credentials ?? UserCredentials.Resolve(LibC.geteuid().ToString(CultureInfo.InvariantCulture)))
            .Home;
        return (value.Length == 0 ? "/" : value, optional);
    }

    /// <summary><c>UMask=</c> (octal), default 0022.</summary>
    public static uint Umask(UnitDefinition unit)
    {
        var value = unit.Get(S, "UMask");
        if (value is null) return DefaultUmask;
        try { return Convert.ToUInt32(value.Trim(), 8) & 0x1FF; }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return DefaultUmask;
        }
    }

    /// <summary>
    /// <c>StandardInput=</c>: <c>file:PATH</c>, <c>socket</c> (an Accept=yes <paramref name="connection"/>) or
    /// /dev/null.
    /// </summary>
    public static StdioTarget Input(UnitDefinition unit, int? connection = null)
    {
        var value = unit.Get(S, "StandardInput");
        if (value?.Trim() == "socket" && connection is { } fd) return StdioTarget.FromDescriptor(fd);
        return StdioTarget.TryParse(value, out var t) && t.Kind == StdioKind.File ? t : StdioTarget.Null;
    }

    /// <summary>
    /// <c>StandardOutput=</c> (default journal) or <c>StandardError=</c> (default inherit: same as output, returned as
    /// null). <c>journal</c> and its relatives become <paramref name="journal"/>; output <c>inherit</c> means stdin's
    /// /dev/null.
    /// </summary>
    public static StdioTarget? Output(UnitDefinition unit, string key, StdioTarget journal, int? connection = null)
    {
        var value = unit.Get(S, key);
        var isError = key == "StandardError";
        // With StandardInput=socket, output defaults to (and "socket" means) the connection; error follows output.
        if (connection is { } fd && unit.Get(S, "StandardInput")?.Trim() == "socket")
        {
            if (value?.Trim() == "socket" || value is null && !isError) return StdioTarget.FromDescriptor(fd);
            if (value is null && isError) return null;
        }
        else if (connection is { } fd2 && value?.Trim() == "socket") return StdioTarget.FromDescriptor(fd2);
        if (value is null) return isError ? null : journal;
        if (value.Trim() == "inherit") return isError ? null : StdioTarget.Null;
        if (!StdioTarget.TryParse(value, out var target)) return isError ? null : journal;
        return target.Kind == StdioKind.Journal ? journal : target;
    }
}
