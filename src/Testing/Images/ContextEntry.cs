using System.Formats.Tar;

namespace Platform.Testing;

/// <summary>One entry of a build context: a host file (read while uploading), in-memory bytes, a symlink or a folder.</summary>
internal sealed record ContextEntry(TarEntryType Type, string Path, UnixFileMode Mode, string? HostPath = null, byte[]? Content = null, string? LinkTarget = null);
