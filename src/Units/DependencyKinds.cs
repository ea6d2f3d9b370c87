namespace Platform.Units;

/// <summary>
/// The dependency properties of systemd.unit(5) and how forward and reverse ones map ("Mapping of unit properties to
/// their inverses").
/// </summary>
public static class DependencyKinds
{
    /// <summary>
    /// Properties set in [Unit] (plus <c>Triggers</c>, which is implicit), in systemd's <c>show</c> order.
    /// </summary>
    public static readonly IReadOnlyList<string> Forward =
    [
        "Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Upholds", "Conflicts", "Before", "After",
        "OnFailure", "OnSuccess", "Triggers", "PropagatesReloadTo", "ReloadPropagatedFrom", "PropagatesStopTo",
        "StopPropagatedFrom", "JoinsNamespaceOf",
    ];

    /// <summary>Properties that exist only as the reverse of another unit's forward property.</summary>
    public static readonly IReadOnlyList<string> ReverseOnly =
    [
        "RequiredBy", "RequisiteOf", "WantedBy", "BoundBy", "ConsistsOf", "UpheldBy", "ConflictedBy",
        "OnFailureOf", "OnSuccessOf", "TriggeredBy",
    ];

    /// <summary>
    /// The forward property whose reverse <paramref name="property"/> is, or null: <c>WantedBy</c> → <c>Wants</c>,
    /// <c>Before</c> → <c>After</c>.
    /// </summary>
    public static string? InverseOf(string property) => property switch
    {
        "RequiredBy" => "Requires",
        "RequisiteOf" => "Requisite",
        "WantedBy" => "Wants",
        "BoundBy" => "BindsTo",
        "ConsistsOf" => "PartOf",
        "UpheldBy" => "Upholds",
        "ConflictedBy" => "Conflicts",
        "OnFailureOf" => "OnFailure",
        "OnSuccessOf" => "OnSuccess",
        "TriggeredBy" => "Triggers",
        "Before" => "After",
        "After" => "Before",
        "PropagatesReloadTo" => "ReloadPropagatedFrom",
        "ReloadPropagatedFrom" => "PropagatesReloadTo",
        "PropagatesStopTo" => "StopPropagatedFrom",
        "StopPropagatedFrom" => "PropagatesStopTo",
        _ => null,
    };

    /// <summary>
    /// The folder suffix whose links add to a property: <c>.wants</c> for Wants, <c>.requires</c> for Requires,
    /// <c>.upholds</c> for Upholds.
    /// </summary>
    public static string? FolderSuffix(string property) => property switch
    {
        "Wants" => ".wants",
        "Requires" => ".requires",
        "Upholds" => ".upholds",
        _ => null,
    };

    /// <summary>Whether a property is known (forward or reverse).</summary>
    public static bool IsKnown(string property) => Forward.Contains(property) || ReverseOnly.Contains(property);
}
