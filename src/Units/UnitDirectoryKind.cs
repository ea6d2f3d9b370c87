namespace Platform.Units;

/// <summary>What a unit folder is for; decides e.g. <c>enabled</c> versus <c>enabled-runtime</c>.</summary>
public enum UnitDirectoryKind
{
    /// <summary>
    /// The administrator's persistent configuration (<c>/etc/systemd/system</c>, <c>~/.config/systemd/user</c>).
    /// </summary>
    Config,
    /// <summary>
    /// Other persistent configuration read but not written by enable (<c>/etc/systemd/user</c> in user mode).
    /// </summary>
    SystemConfig,
    /// <summary>Runtime configuration, gone after a reboot (<c>/run/systemd/system</c>).</summary>
    Runtime,
    /// <summary>Units installed by the local administrator (<c>/usr/local/lib/systemd/system</c>).</summary>
    Local,
    /// <summary>Units installed by packages (<c>/usr/lib/systemd/system</c>, <c>/lib/systemd/system</c>).</summary>
    Vendor,
    /// <summary>
    /// Output of unit generators (<c>/run/systemd/generator{.early,,.late}</c>): runtime, units there are
    /// <c>generated</c>.
    /// </summary>
    Generator,
}
