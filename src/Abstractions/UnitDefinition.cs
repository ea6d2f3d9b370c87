namespace Platform.Abstractions;

/// <summary>
/// A unit as the engine loaded it: identity, origin and the settings of its fragment and drop-ins
/// in the order systemd applies them. Plugins read settings through this type only.
/// </summary>
public sealed class UnitDefinition
{
    /// <summary>Creates a unit definition; normally done by the unit engine.</summary>
    public UnitDefinition(string name, UnitLoadState loadState, string? fragmentPath,
        IReadOnlyList<string> dropInPaths, IReadOnlyList<UnitSetting> settings, string? loadError = null)
    {
        Name = name;
        LoadState = loadState;
        FragmentPath = fragmentPath;
        DropInPaths = dropInPaths;
        Settings = settings;
        LoadError = loadError;
    }

    /// <summary>The full unit name, e.g. <c>web@blue.service</c>.</summary>
    public string Name { get; }

    /// <summary>The unit type: the name's suffix without the dot, e.g. <c>service</c>.</summary>
    public string Kind => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>How loading went.</summary>
    public UnitLoadState LoadState { get; }

    /// <summary>The main unit file (for a masked unit, the link to /dev/null), or null when none exists.</summary>
    public string? FragmentPath { get; }

    /// <summary>The drop-in files applied, in the order they were applied.</summary>
    public IReadOnlyList<string> DropInPaths { get; }

    /// <summary>Every assignment in application order (fragment first, then drop-ins).</summary>
    public IReadOnlyList<UnitSetting> Settings { get; }

    /// <summary>Why loading failed, as one line naming file and line where known.</summary>
    public string? LoadError { get; }

    /// <summary>
    /// The effective value of a single-valued setting: the last assignment, or null when unset or reset by an empty
    /// value.
    /// </summary>
    public string? Get(string section, string key)
    {
        for (var i = Settings.Count - 1; i >= 0; i--)
        {
            var s = Settings[i];
            if (s.Key == key && s.Section == section)
                return s.Value.Length == 0 ? null : s.Value;
        }
        return null;
    }

    /// <summary>The values of a list setting in order; an empty assignment clears what came before it.</summary>
    public IReadOnlyList<string> GetList(string section, string key)
    {
        var values = new List<string>();
        foreach (var s in Settings)
        {
            if (s.Key != key || s.Section != section) continue;
            if (s.Value.Length == 0) values.Clear();
            else values.Add(s.Value);
        }
        return values;
    }

    /// <summary>
    /// The whitespace-separated words of a list setting such as <c>After=</c>, honouring quotes and resets.
    /// </summary>
    public IReadOnlyList<string> GetWords(string section, string key)
    {
        var words = new List<string>();
        foreach (var s in Settings)
        {
            if (s.Key != key || s.Section != section) continue;
            if (s.Value.Length == 0) { words.Clear(); continue; }
            words.AddRange(SystemdValues.SplitWords(s.Value));
        }
        return words;
    }

    /// <summary>
    /// A boolean setting (<c>yes/no/true/false/on/off/1/0</c>), or <paramref name="fallback"/> when unset or
    /// unparsable.
    /// </summary>
    public bool GetBool(string section, string key, bool fallback)
        => SystemdValues.TryParseBoolean(Get(section, key), out var value) ? value : fallback;

    /// <summary>
    /// A time span setting in systemd syntax (<c>90</c>, <c>1min 30s</c>, <c>infinity</c>), or null when unset or
    /// unparsable.
    /// </summary>
    public TimeSpan? GetTimeSpan(string section, string key)
        => SystemdValues.TryParseTimeSpan(Get(section, key), out var value) ? value : null;

    /// <summary>Whether any assignment to the key exists in the section (even an empty one).</summary>
    public bool Has(string section, string key)
    {
        foreach (var s in Settings)
            if (s.Key == key && s.Section == section) return true;
        return false;
    }
}
