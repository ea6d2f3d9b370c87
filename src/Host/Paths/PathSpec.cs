namespace Platform.Host.Paths;

/// <summary>One watched path: its setting and the absolute path inside the root.</summary>
internal sealed record PathSpec(PathKind Kind, string Path)
{
    /// <summary>Edge-triggered settings: they fire on a change, never on a state that merely holds.</summary>
    public bool IsChange => Kind is PathKind.PathChanged or PathKind.PathModified;
}
