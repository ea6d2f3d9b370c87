namespace Platform.Exec;

/// <summary>
/// One standard stream's destination (systemd.exec(5) <c>StandardInput=/StandardOutput=/StandardError=</c>).
/// </summary>
/// <param name="Kind">What kind of destination.</param>
/// <param name="Path">The file for <see cref="StdioKind.File"/>, <see cref="StdioKind.Append"/>,
/// <see cref="StdioKind.Truncate"/>.</param>
/// <param name="Descriptor">The descriptor for <see cref="StdioKind.Descriptor"/>.</param>
internal sealed record StdioTarget(StdioKind Kind, string? Path = null, int Descriptor = -1)
{
    /// <summary>This process's own descriptor.</summary>
    public static StdioTarget Inherit { get; } = new(StdioKind.Inherit);
    /// <summary><c>/dev/null</c>.</summary>
    public static StdioTarget Null { get; } = new(StdioKind.Null);
    /// <summary>The unit's log (resolved by the service context).</summary>
    public static StdioTarget Journal { get; } = new(StdioKind.Journal);

    /// <summary>
    /// A descriptor owned by the caller; it stays open in the caller and is duplicated into the service.
    /// </summary>
    public static StdioTarget FromDescriptor(int fd) => new(StdioKind.Descriptor, Descriptor: fd);

    /// <summary>
    /// Parses a <c>StandardOutput=</c>/<c>StandardError=</c>/<c>StandardInput=</c> value. <c>tty</c>, <c>socket</c>,
    /// <c>fd:NAME</c> and <c>data</c> have no meaning without a service manager and map to <c>null</c>; unknown values
    /// give false.
    /// </summary>
    public static bool TryParse(string? value, out StdioTarget target)
    {
        target = Null;
        if (value is null) return false;
        value = value.Trim();
        if (value.StartsWith("file:", StringComparison.Ordinal))
            return WithPath(StdioKind.File, value[5..], out target);
        if (value.StartsWith("append:", StringComparison.Ordinal))
            return WithPath(StdioKind.Append, value[7..], out target);
        if (value.StartsWith("truncate:", StringComparison.Ordinal))
            return WithPath(StdioKind.Truncate, value[9..], out target);
        if (value.StartsWith("fd:", StringComparison.Ordinal)) return true;
        switch (value)
        {
            case "inherit": target = Inherit; return true;
            case "null": case "tty": case "tty-force": case "tty-fail": case "socket": case "data": return true;
            case "journal": case "kmsg": case "syslog":
            case "journal+console": case "kmsg+console": case "syslog+console":
                target = Journal; return true;
            default: return false;
        }
    }

    private static bool WithPath(StdioKind kind, string path, out StdioTarget target)
    {
        target = new StdioTarget(kind, path);
        return path.StartsWith('/');
    }
}
