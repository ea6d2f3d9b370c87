namespace Platform.Abstractions;

/// <summary>A unit's high-level state, as systemd's <c>ActiveState</c> property reports it.</summary>
public enum ActiveState
{
    /// <summary><c>inactive</c>: not running and not failed.</summary>
    Inactive,
    /// <summary><c>active</c>: started (running, or exited with RemainAfterExit).</summary>
    Active,
    /// <summary><c>activating</c>: start in progress.</summary>
    Activating,
    /// <summary><c>deactivating</c>: stop in progress.</summary>
    Deactivating,
    /// <summary><c>reloading</c>: reload in progress.</summary>
    Reloading,
    /// <summary><c>failed</c>: the last run ended in failure.</summary>
    Failed,
}
