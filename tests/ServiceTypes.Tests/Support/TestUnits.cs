using Platform.Abstractions;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>Builds in-memory units for the exec engine (the unit file parser is not under test here).</summary>
public static class TestUnits
{
    /// <summary>A loaded <c>test.service</c> whose [Service] section has the given assignments in order.</summary>
    public static UnitDefinition Service(params (string Key, string Value)[] settings)
    {
        var list = new List<UnitSetting>();
        var line = 1;
        foreach (var (k, v) in settings) list.Add(new UnitSetting("Service", k, v, "/test/test.service", line++));
        return new UnitDefinition("test.service", UnitLoadState.Loaded, "/test/test.service", [], list);
    }
}
