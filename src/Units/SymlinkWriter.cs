namespace Platform.Units;

/// <summary>Creates and removes the links of install operations, recording each change and its message.</summary>
internal sealed class SymlinkWriter
{
    private readonly InstallResult _result;
    private readonly InstallMessages _messages;

    public SymlinkWriter(InstallResult result, InstallMessages messages)
    {
        _result = result;
        _messages = messages;
    }

    public bool Changed { get; private set; }

    /// <summary>
    /// Makes <paramref name="linkOnDisk"/> point to <paramref name="target"/>. An equal link is left alone; another
    /// link is replaced when <paramref name="replaceLinks"/> (systemctl does so for enablement links); a file in the
    /// way is an error. Returns false after recording the failure.
    /// </summary>
    public bool Link(string verb, string linkOnDisk, string target, bool replaceLinks)
    {
        var info = new FileInfo(linkOnDisk);
        var existing = info.LinkTarget;
        if (existing is not null)
        {
            if (existing == target) return true;
            if (!replaceLinks)
            {
                _result.Fail(_messages.ExistsAsLink(verb, linkOnDisk, existing));
                return false;
            }
            Remove(linkOnDisk);
        }
        else if (info.Exists || Directory.Exists(linkOnDisk))
        {
            _result.Fail(_messages.Exists(verb, linkOnDisk));
            return false;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(linkOnDisk)!);
            File.CreateSymbolicLink(linkOnDisk, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _result.Fail($"Failed to {verb} unit: {linkOnDisk}: {UnitFileParser.ErrnoText(e)}");
            return false;
        }
        _result.Stderr.Add(_messages.Created(linkOnDisk, target));
        _result.Changes.Add(new InstallChange(InstallChangeKind.Symlink, linkOnDisk, target));
        Changed = true;
        return true;
    }

    /// <summary>
    /// Removes a link (or empty mask file) and, when its folder is a now-empty <c>*.wants/</c>-style folder, the folder
    /// too.
    /// </summary>
    public void Remove(string pathOnDisk)
    {
        try { File.Delete(pathOnDisk); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _result.Fail($"Failed to remove {pathOnDisk}: {UnitFileParser.ErrnoText(e)}");
            return;
        }
        _result.Stderr.Add(InstallMessages.Removed(pathOnDisk));
        _result.Changes.Add(new InstallChange(InstallChangeKind.Unlink, pathOnDisk, null));
        Changed = true;
        var folder = Path.GetDirectoryName(pathOnDisk)!;
        if (ConfigLinkIndex.HasDependencySuffix(folder) || folder.EndsWith(".d", StringComparison.Ordinal))
        {
            try { if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder); }
            catch (IOException) { }
        }
    }
}
