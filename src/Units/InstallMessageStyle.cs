namespace Platform.Units;

/// <summary>Which systemctl wording errors of install operations get.</summary>
public enum InstallMessageStyle
{
    /// <summary>
    /// As systemctl prints when it talks to a running manager (<c>Failed to enable unit: Unit file x.service does not
    /// exist.</c>); <c>disable</c> of an unknown unit fails with exit 1.
    /// </summary>
    Daemon,
    /// <summary>
    /// As <c>systemctl --root=DIR</c> prints (<c>Failed to enable unit, unit x.service does not exist.</c>);
    /// <c>disable</c> of an unknown unit exits 0.
    /// </summary>
    Offline,
}
