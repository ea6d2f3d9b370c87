namespace Platform.Units;

/// <summary>One unit folder of the search path.</summary>
/// <param name="Path">The folder on disk (under the root).</param>
/// <param name="InRoot">The same folder as seen inside the root, e.g. <c>/etc/systemd/system</c>.</param>
/// <param name="Kind">What the folder is for.</param>
public sealed record UnitDirectory(string Path, string InRoot, UnitDirectoryKind Kind)
{
    /// <summary>
    /// Whether links here count as enablement (<c>/etc/...</c> persistent or <c>/run/...</c> runtime).
    /// </summary>
    public bool IsConfig =>
        Kind is UnitDirectoryKind.Config or UnitDirectoryKind.Runtime or UnitDirectoryKind.Generator;

    /// <summary>
    /// Whether links here last only until reboot: systemd counts everything under <c>/run</c> as runtime
    /// (<c>enabled-runtime</c>).
    /// </summary>
    public bool IsRuntime => Kind is UnitDirectoryKind.Runtime or UnitDirectoryKind.Generator;
}
