namespace Platform.Abstractions;

/// <summary>
/// Optional for status stores: tells a record that exists but cannot be read (corrupt, truncated, empty) from one that
/// is absent. <see cref="IStatusStore.Read"/> returns null for both; the host must not take a damaged record for
/// "inactive", or it would start a second copy of a running service.
/// </summary>
public interface IDamageReportingStatusStore
{
    /// <summary>
    /// Whether the unit has a record that does not parse (a record of an earlier boot is not damaged, only stale).
    /// </summary>
    bool IsDamaged(string unit);
}
