using Platform.Abstractions;

namespace PluginName.Tests;

/// <summary>Builds the <see cref="UnitDefinition"/> the host would hand a plugin, from <c>[Section] Key=Value</c> pairs.</summary>
internal static class TestUnits
{
    public static UnitDefinition Service(string name, params (string Section, string Key, string Value)[] settings)
    {
        var list = new List<UnitSetting>();
        foreach (var (section, key, value) in settings)
            list.Add(new UnitSetting(section, key, value, "/etc/systemd/system/" + name, list.Count + 1));
        return new UnitDefinition(name, UnitLoadState.Loaded, "/etc/systemd/system/" + name, [], list);
    }
}
