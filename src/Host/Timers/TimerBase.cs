namespace Platform.Host.Timers;

/// <summary>What a monotonic timer setting counts from (systemd's TimerBase), named as its D-Bus property is.</summary>
internal enum TimerBase
{
    /// <summary><c>OnActiveSec=</c>: the timer's own activation.</summary>
    Active,
    /// <summary><c>OnBootSec=</c>: the boot; in a container the manager's start, as systemd maps it.</summary>
    Boot,
    /// <summary><c>OnStartupSec=</c>: the manager's start.</summary>
    Startup,
    /// <summary><c>OnUnitActiveSec=</c>: the last activation of the triggered unit.</summary>
    UnitActive,
    /// <summary><c>OnUnitInactiveSec=</c>: the last deactivation of the triggered unit.</summary>
    UnitInactive,
}
