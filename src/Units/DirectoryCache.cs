namespace Platform.Units;

/// <summary>Folder listings read at most once per repository instance (each systemctl run is short-lived).</summary>
internal sealed class DirectoryCache
{
    private readonly Dictionary<string, DirectoryListing> _listings = new(StringComparer.Ordinal);

    public DirectoryListing Get(string path)
    {
        if (!_listings.TryGetValue(path, out var listing))
        {
            listing = DirectoryListing.Read(path);
            _listings[path] = listing;
        }
        return listing;
    }

    /// <summary>Forgets everything, after this process changed the folders (enable, mask, ...).</summary>
    public void Clear() => _listings.Clear();
}
