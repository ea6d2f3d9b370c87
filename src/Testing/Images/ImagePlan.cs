using System.Text;

namespace Platform.Testing;

/// <summary>
/// Turns <see cref="ImageBuilder"/> steps into a build context and Dockerfile. Loose files and links are grouped
/// by target folder, one <c>COPY group/ /folder/</c> each, so the daemon resolves the target folder through
/// symlinks (<c>/bin</c> -&gt; <c>usr/bin</c> stays a link) and a few COPY layers cover hundreds of files.
/// </summary>
internal static class ImagePlan
{
    /// <summary>
    /// The context for <paramref name="steps"/>. <paramref name="runLabels"/> go in as the first instruction, so even the
    /// intermediate images of a failed build carry them and get cleaned up; the returned hash ignores them, so the
    /// same content has the same tag in every run.
    /// </summary>
    public static async Task<(TarContext Context, string Hash)> CreateAsync(string from, string baseImageId, IReadOnlyList<ImageStep> steps,
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> runLabels, CancellationToken ct)
    {
        var context = new TarContext();
        // The base id is part of the hashed Dockerfile, so a rebuilt base image means a new tag.
        var head = $"# base {baseImageId}\nFROM {from}\n";
        var dockerfile = new StringBuilder();
        var batch = new Dictionary<(string Folder, string? Owner), string>();
        var groups = 0;
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case ImageStepKind.Tree:
                    batch.Clear();
                    var tree = $"g{groups++}";
                    context.AddHostTree(tree, step.HostPath!);
                    dockerfile.Append(Copy(tree, step.ImagePath, step.Owner));
                    break;
                case ImageStepKind.Instruction:
                    batch.Clear();
                    dockerfile.Append(step.Instruction).Append('\n');
                    break;
                default:
                    var folder = ImagePath.Parent(step.ImagePath);
                    if (!batch.TryGetValue((folder, step.Owner), out var group))
                    {
                        batch[(folder, step.Owner)] = group = $"g{groups++}";
                        context.AddDirectory(group, TarContext.ExecutableMode);
                        dockerfile.Append(Copy(group, folder, step.Owner));
                    }
                    var entry = group + "/" + Path.GetFileName(step.ImagePath);
                    if (step.Kind == ImageStepKind.Symlink) context.AddSymlink(entry, step.LinkTarget!);
                    else if (step.HostPath is not null) context.AddHostFile(entry, step.HostPath, step.Mode);
                    else context.AddBytes(entry, step.Content!, step.Mode);
                    break;
            }
        }
        dockerfile.Append(Labels(labels));
        context.AddBytes("Dockerfile", Encoding.UTF8.GetBytes(head + dockerfile), TarContext.RegularMode);
        var hash = await context.ComputeHashAsync(ct).ConfigureAwait(false);
        context.ReplaceLast("Dockerfile", Encoding.UTF8.GetBytes(head + Labels(runLabels) + dockerfile));
        return (context, hash);
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
        if (owner is not null && !IsPlainOwner(owner)) throw new ArgumentException($"owner must be user[:group]: {owner}", nameof(owner));
        var chown = owner is null ? "" : $"--chown={owner} ";
        return $"COPY {chown}[\"{group}/\", \"{folder.TrimEnd('/')}/\"]\n";
    }

    private static bool IsPlainOwner(string owner)
    {
        foreach (var c in owner)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':')) return false;
        return owner.Length > 0;
    }

    private static string Quote(string text)
        => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
