using Platform.Interop;

namespace Platform.Units;

/// <summary>
/// A symlink in a configuration folder (<c>/etc/systemd/system</c> or <c>/run/systemd/system</c>), top level or in a
/// <c>*.wants/</c>-style folder.
/// </summary>
/// <remarks>
/// The target is read on first use: most queries decide by link names alone, and a thousand readlink calls were the
/// larger part of an is-enabled. Made from a <paramref name="listing"/> that holds it, or, without one, a name to try
/// in <paramref name="diskFolder"/>.
/// </remarks>
internal sealed class ConfigLink(UnitDirectory directory, string? dependencyFolder, string name, string diskFolder,
    string inRootFolder, DirectoryListing? listing)
{
    private bool _read;
    private string? _target, _targetInRoot, _targetName;

    /// <summary>The configuration folder.</summary>
    public UnitDirectory Directory { get; } = directory;

    /// <summary>The sub-folder (<c>multi-user.target.wants</c>), or null for a top-level link.</summary>
    public string? DependencyFolder { get; } = dependencyFolder;

    /// <summary>The link's file name.</summary>
    public string Name { get; } = name;

    /// <summary>The link on disk.</summary>
    public string DiskPath => Path.Join(diskFolder, Name);

    /// <summary>Whether the target could be read; an unreadable (or, when tried by name, missing) link counts as
    /// absent.</summary>
    public bool Readable => Read() is not null;

    /// <summary>The link target as written.</summary>
    public string Target => Read() ?? "";

    /// <summary>The absolute in-root path the target denotes.</summary>
    public string TargetInRoot => Read() is null ? "" : _targetInRoot!;

    public string TargetName => Read() is null ? "" : _targetName ??= RootedPath.FileName(_targetInRoot!);

    public bool IsMask => RootedPath.IsDevNull(Target) || RootedPath.IsDevNull(TargetInRoot);

    private string? Read()
    {
        if (_read) return _target;
        _read = true;
        _target = listing is null ? LibC.ReadLink(DiskPath) : listing.LinkTarget(Name);
        if (_target is not null) _targetInRoot = RootedPath.ResolveTarget(inRootFolder, _target);
        return _target;
    }
}
