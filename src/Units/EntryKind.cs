namespace Platform.Units;

/// <summary>What a folder entry is, as read from the folder listing (symlinks not followed).</summary>
public enum EntryKind
{
    /// <summary>No such entry.</summary>
    None,
    /// <summary>A regular file.</summary>
    File,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A symbolic link (to anything, possibly dangling).</summary>
    Symlink,
    /// <summary>Anything else (device, socket, pipe).</summary>
    Other,
}
