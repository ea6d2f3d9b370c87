using Platform.Abstractions;

namespace Platform.Units;

/// <summary>Which slice a unit's processes belong to, for its implicit dependencies and its cgroup.</summary>
public static class UnitSlices
{
    /// <summary>
    /// Its <c>Slice=</c> (in the section of its type; an empty one resets it), else <c>system.slice</c>, or
    /// <c>app.slice</c> for a user manager.
    /// </summary>
    public static string SliceOf(UnitDefinition unit, bool user)
    {
        var type = unit.Kind;
        var section = type == "socket" ? "Socket" : type == "mount" ? "Mount" : type == "swap" ? "Swap" : "Service";
        return unit.Get(section, "Slice") is { Length: > 0 } slice ? slice : user ? "app.slice" : "system.slice";
    }
}
