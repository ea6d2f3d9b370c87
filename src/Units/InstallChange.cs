namespace Platform.Units;

/// <summary>One file-system change of an install operation.</summary>
/// <param name="Kind">Created or removed.</param>
/// <param name="Path">The link on disk (under the root).</param>
/// <param name="Target">For a created link, its target as written (an in-root path such as
/// <c>/usr/lib/systemd/system/a.service</c>).</param>
public sealed record InstallChange(InstallChangeKind Kind, string Path, string? Target);
