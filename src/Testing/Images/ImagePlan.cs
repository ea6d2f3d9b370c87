using System.Security.Cryptography;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// Turns <see cref="ImageBuilder"/> steps into a build-context folder and Dockerfile for Testcontainers'
/// <c>ImageFromDockerfileBuilder</c>. Loose files are grouped by target folder, one <c>COPY group/ /folder/</c> each,
/// so the daemon resolves the target folder through symlinks (<c>/bin</c> -&gt; <c>usr/bin</c> stays a link) and a
/// few COPY layers cover hundreds of files. Testcontainers' context archive holds regular files only (it follows
/// links and drops empty folders), so links become one <c>RUN ln -sfn</c> after the COPY that precedes them.
/// </summary>
internal sealed class ImagePlan
{
    internal const UnixFileMode RegularMode = (UnixFileMode)0b110_100_100;    // 0644
    internal const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101; // 0755

    private readonly List<(string Path, string? HostPath, byte[]? Content, UnixFileMode Mode)> files = [];
    private readonly StringBuilder dockerfile = new();
    private readonly List<(string Link, string Target)> pendingLinks = [];
    private int groups;

    private ImagePlan() { }

    /// <summary>The Dockerfile without the run labels (what the content hash covers).</summary>
    public string Dockerfile => dockerfile.ToString();

    /// <summary>
    /// The plan for <paramref name="steps"/> on <paramref name="from"/>; <paramref name="baseImageId"/> is part of the
    /// hashed Dockerfile, so a rebuilt base image means a new tag.
    /// </summary>
    public static ImagePlan Create(string from, string baseImageId, IReadOnlyList<ImageStep> steps,
        IReadOnlyDictionary<string, string> labels)
    {
        var plan = new ImagePlan();
        plan.dockerfile.Append("# base ").Append(baseImageId).Append('\n');
        var batch = new Dictionary<(string Folder, string? Owner), string>();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case ImageStepKind.Tree:
                    batch.Clear();
                    plan.FlushLinks();
                    var tree = $"g{plan.groups++}";
                    plan.AddHostTree(tree, step.HostPath!, step.ImagePath);
                    plan.dockerfile.Append(Copy(tree, step.ImagePath, step.Owner));
                    break;
                case ImageStepKind.Instruction:
                    batch.Clear();
                    plan.FlushLinks();
                    plan.dockerfile.Append(step.Instruction).Append('\n');
                    break;
                case ImageStepKind.Symlink:
                    plan.pendingLinks.Add((step.ImagePath, step.LinkTarget!));
                    break;
                default:
                    var folder = ImagePath.Parent(step.ImagePath);
                    if (!batch.TryGetValue((folder, step.Owner), out var group))
                    {
                        plan.FlushLinks();
                        batch[(folder, step.Owner)] = group = $"g{plan.groups++}";
                        plan.dockerfile.Append(Copy(group, folder, step.Owner));
                    }
                    plan.files.Add((group + "/" + Path.GetFileName(step.ImagePath), step.HostPath, step.Content,
                        step.Mode));
                    break;
            }
        }
        plan.FlushLinks();
        plan.dockerfile.Append(Labels(labels));
        return plan;
    }

    /// <summary>
    /// SHA-256 over the Dockerfile and every file's path, mode and content (not modification times), as lowercase hex.
    /// </summary>
    public async Task<string> ComputeHashAsync(string from, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"FROM {from}\n{dockerfile}"));
        var buffer = new byte[1 << 16];
        foreach (var (path, hostPath, content, mode) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\0{path}\0{(int)mode}\0"));
            if (content is not null) hash.AppendData(content);
            if (hostPath is null) continue;
            await using var file = new FileStream(hostPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1,
                FileOptions.SequentialScan | FileOptions.Asynchronous);
            for (int n; (n = await file.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0;)
                hash.AppendData(buffer, 0, n);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Writes the context into <paramref name="directory"/>. <paramref name="runLabels"/> go in right after FROM, so
    /// even the intermediate images of a failed build carry them and get swept.
    /// </summary>
    public async Task WriteAsync(string directory, string from, IReadOnlyDictionary<string, string> runLabels,
        CancellationToken ct)
    {
        foreach (var (path, hostPath, content, mode) in files)
        {
            var target = Path.Join(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (hostPath is not null) File.Copy(hostPath, target, overwrite: true);
            else await File.WriteAllBytesAsync(target, content!, ct).ConfigureAwait(false);
            File.SetUnixFileMode(target, mode);
        }
        await File.WriteAllTextAsync(Path.Join(directory, "Dockerfile"),
            $"FROM {from}\n{Labels(runLabels)}{dockerfile}", ct).ConfigureAwait(false);
    }

    private void AddHostTree(string group, string hostDir, string imageDir)
    {
        var dir = new DirectoryInfo(hostDir);
        var children = dir.GetFileSystemInfos();
        Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var child in children)
        {
            if (child.LinkTarget is { } target) pendingLinks.Add((imageDir.TrimEnd('/') + "/" + child.Name, target));
            else if (child is DirectoryInfo)
                AddHostTree(group + "/" + child.Name, child.FullName, imageDir.TrimEnd('/') + "/" + child.Name);
            else files.Add((group + "/" + child.Name, child.FullName, null, child.UnixFileMode));
        }
    }

    private void FlushLinks()
    {
        if (pendingLinks.Count == 0) return;
        dockerfile.Append("RUN ").AppendJoin(" && ", pendingLinks.Select(l =>
            $"mkdir -p {ShellQuote(ImagePath.Parent(l.Link))} && ln -sfn {ShellQuote(l.Target)} {ShellQuote(l.Link)}"))
                .Append('\n');
        pendingLinks.Clear();
    }

    private static string Labels(IReadOnlyDictionary<string, string> labels)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            text.Append("LABEL ").Append(Quote(key)).Append('=').Append(Quote(value)).Append('\n');
        return text.ToString();
    }

    private static string Copy(string group, string folder, string? owner)
    {
        if (owner is not null && !IsPlainOwner(owner))
            throw new ArgumentException($"owner must be user[:group]: {owner}", nameof(owner));
        var chown = owner is null ? "" : $"--chown={owner} ";
        return $"COPY {chown}[\"{group}/\", \"{folder.TrimEnd('/')}/\"]\n";
    }

    private static bool IsPlainOwner(string owner)
    {
        foreach (var c in owner)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':')) return false;
        return owner.Length > 0;
    }

    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Quote(string text)
        => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
