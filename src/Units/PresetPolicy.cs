namespace Platform.Units;

/// <summary>
/// The preset policy of systemd.preset(5): <c>*.preset</c> files from the preset folders, a file name in an earlier
/// folder hiding the same name later (a link to /dev/null hides it entirely), all read in file-name order;
/// the first matching line decides; no match means enable.
/// </summary>
public sealed class PresetPolicy
{
    private PresetPolicy(IReadOnlyList<PresetRule> rules) => Rules = rules;

    /// <summary>The rules in the order they are consulted.</summary>
    public IReadOnlyList<PresetRule> Rules { get; }

    /// <summary>
    /// Reads the policy from <paramref name="paths"/>' preset folders; bad lines go to <paramref name="warn"/>.
    /// </summary>
    public static PresetPolicy Load(UnitPaths paths, Action<string>? warn = null)
    {
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var dir in paths.PresetDirectories)
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFileSystemEntries(dir, "*.preset"))
            {
                var name = Path.GetFileName(path);
                if (files.ContainsKey(name)) continue;
                var target = new FileInfo(path).LinkTarget;
                files[name] = target is not null && RootedPath.IsDevNull(target) ? null : path;
            }
        }
        var rules = new List<PresetRule>();
        var ordered = new List<string>(files.Keys);
        ordered.Sort(StringComparer.Ordinal);
        foreach (var name in ordered)
        {
            if (files[name] is not { } path) continue;
            string[] lines;
            try { lines = File.ReadAllLines(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            for (var i = 0; i < lines.Length; i++)
            {
                var words = lines[i].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 || words[0][0] is '#' or ';') continue;
                if (words.Length >= 2 && words[0] is "enable" or "disable")
                    rules.Add(new PresetRule(words[0] == "enable", words[1],
                        words[1..].Length > 1 && words[0] == "enable" ? words[2..] : [], $"{path}:{i + 1}"));
                else warn?.Invoke($"{path}:{i + 1}: Couldn't parse line '{lines[i].Trim()}'. Ignoring.");
            }
        }
        return new PresetPolicy(rules);
    }

    /// <summary>The first rule deciding for <paramref name="name"/>, or null (then the default is enable).</summary>
    public PresetRule? Find(string name)
    {
        foreach (var rule in Rules)
            if (rule.Matches(name)) return rule;
        return null;
    }

    /// <summary>Whether the policy enables <paramref name="name"/>.</summary>
    public bool IsEnabled(string name) => Find(name)?.Enable ?? true;
}
