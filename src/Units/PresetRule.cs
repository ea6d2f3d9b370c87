namespace Platform.Units;

/// <summary>One line of a <c>*.preset</c> file (systemd.preset(5)).</summary>
/// <param name="Enable">True for <c>enable</c>, false for <c>disable</c>.</param>
/// <param name="Pattern">A unit name, possibly with shell wildcards.</param>
/// <param name="Instances">For <c>enable a@.service x y</c>: the instances to enable.</param>
/// <param name="Source">The preset file and line, for diagnostics.</param>
public sealed record PresetRule(bool Enable, string Pattern, IReadOnlyList<string> Instances, string Source)
{
    /// <summary>
    /// Whether the rule decides for <paramref name="name"/>; an instance matches a template rule only when listed.
    /// </summary>
    public bool Matches(string name)
    {
        if (Instances.Count > 0)
        {
            if (name == Pattern) return true;
            return UnitNames.IsInstance(name) && UnitNames.TemplateOf(name) == Pattern
                && Instances.Contains(UnitNames.InstanceOf(name)!);
        }
        return Glob.IsMatch(Pattern, name);
    }
}
