namespace Platform.Units;

/// <summary>
/// A symlink in a configuration folder (<c>/etc/systemd/system</c> or <c>/run/systemd/system</c>), top level or in a
/// <c>*.wants/</c>-style folder.
/// </summary>
/// <param name="Directory">The configuration folder.</param>
/// <param name="DependencyFolder">The sub-folder (<c>multi-user.target.wants</c>), or null for a top-level
/// link.</param>
/// <param name="Name">The link's file name.</param>
/// <param name="Target">The link target as written.</param>
/// <param name="TargetInRoot">The absolute in-root path the target denotes.</param>
/// <param name="DiskPath">The link on disk.</param>
internal sealed record ConfigLink(UnitDirectory Directory, string? DependencyFolder, string Name, string Target,
    string TargetInRoot, string DiskPath)
{
    public string TargetName => RootedPath.FileName(TargetInRoot);
    public bool IsMask => RootedPath.IsDevNull(Target) || RootedPath.IsDevNull(TargetInRoot);
}
