namespace Platform.Host.Paths;

/// <summary>
/// The watch settings of systemd.path(5), named as the unit file and <c>show -p Paths</c> spell them.
/// </summary>
internal enum PathKind
{
    PathExists,
    PathExistsGlob,
    PathChanged,
    PathModified,
    DirectoryNotEmpty,
}
