namespace Platform.Units;

/// <summary>A unit name resolved for install operations (enable, disable, is-enabled).</summary>
/// <param name="Name">The name as asked (normalized).</param>
/// <param name="Location">Where its file is.</param>
/// <param name="FileInRoot">The unit file as an in-root path, what enablement links point to; for a linked unit the
/// file outside the search path; null when none.</param>
/// <param name="ConfigAlias">The name is an alias link inside a configuration folder (systemctl refuses to enable
/// through it).</param>
/// <param name="Install">The [Install] section read for <paramref name="Name"/> (or its Id).</param>
/// <param name="ParseFailed">The unit file could not be parsed (state <c>bad</c>).</param>
internal sealed record InstallTarget(string Name, UnitFileLocation Location, string? FileInRoot, bool ConfigAlias,
    InstallInfo Install, bool ParseFailed)
{
    public bool Found => Location.Kind is LocationKind.File or LocationKind.Linked or LocationKind.Masked;
    public bool IsAlias =>
        Location.AliasChain.Count > 1 && Location.AliasChain[0] != Location.Id && !UnitNames.IsInstance(Name);
}
