using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// The <c>[Install]</c> section of a unit (systemd.unit(5)), with specifiers already expanded for the unit's name.
/// </summary>
internal sealed record InstallInfo(
    IReadOnlyList<string> WantedBy,
    IReadOnlyList<string> RequiredBy,
    IReadOnlyList<string> Alias,
    IReadOnlyList<string> Also,
    string? DefaultInstance)
{
    public static readonly InstallInfo None = new([], [], [], [], null);

    /// <summary>
    /// WantedBy=, RequiredBy= or Alias= present: what <c>enable</c> acts on (systemd 252 has no UpheldBy=).
    /// </summary>
    public bool HasRules => WantedBy.Count > 0 || RequiredBy.Count > 0 || Alias.Count > 0;

    /// <summary>Anything <c>enable</c> could use, <c>Also=</c> included.</summary>
    public bool CarriesInstallInfo => HasRules || Also.Count > 0;

    /// <summary>
    /// Reads the [Install] section of a unit file's settings (drop-ins are not consulted, as systemctl does not).
    /// </summary>
    public static InstallInfo Read(IReadOnlyList<UnitSetting> settings, string unitName)
    {
        var unit = new UnitDefinition(unitName, UnitLoadState.Loaded, null, [], settings);
        return new InstallInfo(
            Names(unit, "WantedBy"), Names(unit, "RequiredBy"), Names(unit, "Alias"), Names(unit, "Also"),
            unit.Get("Install", "DefaultInstance"));
    }

    private static List<string> Names(UnitDefinition unit, string key)
    {
        var result = new List<string>();
        foreach (var name in unit.GetWords("Install", key))
            if (UnitNames.IsValid(name) && !result.Contains(name)) result.Add(name);
        return result;
    }
}
