using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// A build context assembled in memory as a list of entries; host files are only referenced, so a large
/// published folder is read once for the content hash and once while streaming the upload, never buffered.
/// </summary>
internal sealed class TarContext
{
    internal const UnixFileMode RegularMode = (UnixFileMode)0b110_100_100;    // 0644
    internal const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101; // 0755

    private readonly List<ContextEntry> entries = [];

    public IReadOnlyList<ContextEntry> Entries => entries;

    public void AddBytes(string path, byte[] content, UnixFileMode mode) => entries.Add(new(TarEntryType.RegularFile, path, mode, Content: content));

    /// <summary>Swaps the content of the last entry at <paramref name="path"/> (the Dockerfile, after hashing).</summary>
    public void ReplaceLast(string path, byte[] content)
    {
        var index = entries.FindLastIndex(e => e.Path == path);
        entries[index] = entries[index] with { Content = content };
    }

    public void AddHostFile(string path, string hostPath, UnixFileMode mode) => entries.Add(new(TarEntryType.RegularFile, path, mode, HostPath: hostPath));

    public void AddSymlink(string path, string target) => entries.Add(new(TarEntryType.SymbolicLink, path, ExecutableMode | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite, LinkTarget: target));

    public void AddDirectory(string path, UnixFileMode mode) => entries.Add(new(TarEntryType.Directory, path.TrimEnd('/') + "/", mode));

    /// <summary>Adds a host folder tree under <paramref name="path"/>: files, subfolders and symlinks (kept as links), in ordinal order.</summary>
    public void AddHostTree(string path, string hostDir)
    {
        var dir = new DirectoryInfo(hostDir);
        if (!dir.Exists) throw new DirectoryNotFoundException($"no such folder: {hostDir}");
        AddDirectory(path, dir.UnixFileMode);
        var children = dir.GetFileSystemInfos();
        Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var child in children)
        {
            var childPath = path.TrimEnd('/') + "/" + child.Name;
            if (child.LinkTarget is { } target) AddSymlink(childPath, target);
            else if (child is DirectoryInfo) AddHostTree(childPath, child.FullName);
            else AddHostFile(childPath, child.FullName, child.UnixFileMode);
        }
    }

    /// <summary>SHA-256 over every entry's kind, path, mode and content (not modification times), as lowercase hex.</summary>
    public async Task<string> ComputeHashAsync(CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var e in entries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{e.Type}\0{e.Path}\0{(int)e.Mode}\0{e.LinkTarget}\0"));
            if (e.Content is not null) hash.AppendData(e.Content);
            if (e.HostPath is null) continue;
            await using var file = new FileStream(e.HostPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            for (int n; (n = await file.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0;) hash.AppendData(buffer, 0, n);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes the context as a PAX tar stream.</summary>
    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var now = DateTimeOffset.UtcNow;
        foreach (var e in entries)
        {
            var entry = new PaxTarEntry(e.Type, e.Path) { Mode = e.Mode, ModificationTime = now };
            if (e.LinkTarget is not null) entry.LinkName = e.LinkTarget;
            FileStream? file = null;
            if (e.HostPath is not null)
                entry.DataStream = file = new FileStream(e.HostPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            else if (e.Content is not null)
                entry.DataStream = new MemoryStream(e.Content, writable: false);
            try { await writer.WriteEntryAsync(entry, ct).ConfigureAwait(false); }
            finally { if (file is not null) await file.DisposeAsync().ConfigureAwait(false); }
        }
    }

    /// <summary>The context as request content, written straight into the connection (chunked, no temporary copy).</summary>
    public HttpContent ToHttpContent(CancellationToken ct) => new TarContextContent(this, ct);
}
