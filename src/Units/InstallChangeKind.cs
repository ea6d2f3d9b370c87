namespace Platform.Units;

/// <summary>What an install operation did to the file system.</summary>
public enum InstallChangeKind
{
    /// <summary>A symlink was created.</summary>
    Symlink,
    /// <summary>A symlink (or an empty mask file) was removed.</summary>
    Unlink,
}
