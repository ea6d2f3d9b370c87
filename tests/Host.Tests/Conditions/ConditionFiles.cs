namespace Platform.Host.Tests.Conditions;

/// <summary>
/// A folder of files in each state the path conditions tell apart (empty, executable, links, hidden entries).
/// </summary>
public sealed class ConditionFiles : IDisposable
{
    public ConditionFiles()
    {
        Path = Directory.CreateTempSubdirectory("platform-cond-").FullName;
        File.WriteAllText(Path + "/empty-file", "");
        File.WriteAllText(Path + "/data", "x");
        File.WriteAllText(Path + "/tool", "#!/bin/sh\n");
        File.SetUnixFileMode(Path + "/tool", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path + "/link-to-data", Path + "/data");
        File.CreateSymbolicLink(Path + "/dangling", Path + "/nowhere");
        Directory.CreateDirectory(Path + "/empty-dir");
        Directory.CreateDirectory(Path + "/hidden-only");
        File.WriteAllText(Path + "/hidden-only/.hidden", "x");
        Directory.CreateDirectory(Path + "/backup-only");
        File.WriteAllText(Path + "/backup-only/conf.dpkg-old", "x");
        File.WriteAllText(Path + "/backup-only/notes~", "x");
        Directory.CreateDirectory(Path + "/full-dir");
        File.WriteAllText(Path + "/full-dir/visible", "x");
        Directory.CreateSymbolicLink(Path + "/link-to-dir", Path + "/full-dir");
    }

    public string Path { get; }

    /// <summary>
    /// <c>{d}/name Kind</c> becomes <c>ConditionKind=FOLDER/name</c>; anything else is returned as it is.
    /// </summary>
    public string Expand(string expression)
    {
        if (!expression.StartsWith("{d}", StringComparison.Ordinal)) return expression;
        var space = expression.IndexOf(' ');
        return $"Condition{expression[(space + 1)..]}={expression[..space].Replace("{d}", Path)}";
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
