namespace Platform.Units;

/// <summary>How a unit name was resolved to a file (no file content read yet).</summary>
public enum LocationKind
{
    /// <summary>No file has the name (nor its template).</summary>
    NotFound,
    /// <summary>A unit file (possibly reached through aliases, or a template for an instance).</summary>
    File,
    /// <summary>A link from a unit folder to a file outside the search path (<c>systemctl link</c>).</summary>
    Linked,
    /// <summary>A link to <c>/dev/null</c>, or an empty file.</summary>
    Masked,
    /// <summary>A link whose target does not exist, or an alias loop.</summary>
    Broken,
}

/// <summary>Where the file of a unit is.</summary>
/// <param name="RequestedName">The name asked for.</param>
/// <param name="Id">The unit's primary name: the last alias target, with the instance applied.</param>
/// <param name="AliasChain">The names passed through from the requested one to <paramref name="Id"/>, in order,
/// including both.</param>
/// <param name="Kind">What was found.</param>
/// <param name="Path">The entry found in a unit folder, on disk (the link for linked and masked units); null when not
/// found.</param>
/// <param name="Directory">The unit folder holding <paramref name="Path"/>.</param>
/// <param name="FileName">The name of the file found: <paramref name="Id"/>, or its template.</param>
/// <param name="Error">Why a broken unit cannot be read, one line.</param>
/// <param name="ContentPath">The on-disk file to read: <paramref name="Path"/>, or for a link the file it leads to
/// inside the root.</param>
public sealed record UnitFileLocation(
    string RequestedName,
    string Id,
    IReadOnlyList<string> AliasChain,
    LocationKind Kind,
    string? Path,
    UnitDirectory? Directory,
    string? FileName,
    string? Error,
    string? ContentPath = null);
