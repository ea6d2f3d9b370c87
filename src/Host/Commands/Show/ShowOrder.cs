namespace Platform.Host.Commands.Show;

/// <summary>
/// The properties we can answer, in the order systemd 252's <c>systemctl show</c> prints them
/// (type-specific properties first, then the generic unit ones), as recorded in tests/Host.Tests/Reference.
/// </summary>
internal static class ShowOrder
{
    public static readonly string[] Service =
    [
        "Type", "ExitType", "Restart", "PIDFile", "NotifyAccess", "RestartUSec", "TimeoutStartUSec", "TimeoutStopUSec",
        "TimeoutAbortUSec", "TimeoutStartFailureMode", "TimeoutStopFailureMode", "RuntimeMaxUSec",
            "RuntimeRandomizedExtraUSec",
        "WatchdogUSec", "WatchdogTimestamp", "WatchdogTimestampMonotonic", "RootDirectoryStartOnly", "RemainAfterExit",
            "GuessMainPID",
        "RestartPreventExitStatus", "RestartForceExitStatus", "SuccessExitStatus", "MainPID", "ControlPID", "BusName",
        "FileDescriptorStoreMax", "NFileDescriptorStore", "StatusText", "StatusErrno", "Result", "ReloadResult",
            "CleanResult",
        "UID", "GID", "NRestarts", "OOMPolicy", "ExecMainStartTimestamp", "ExecMainStartTimestampMonotonic",
        "ExecMainExitTimestamp", "ExecMainExitTimestampMonotonic", "ExecMainPID", "ExecMainCode", "ExecMainStatus",
        "ExecCondition", "ExecConditionEx", "ExecStartPre", "ExecStartPreEx", "ExecStart", "ExecStartEx",
            "ExecStartPost", "ExecStartPostEx",
        "ExecReload", "ExecReloadEx", "ExecStop", "ExecStopEx", "ExecStopPost", "ExecStopPostEx",
        "Slice", "ControlGroup", "Delegate", "Environment", "PassEnvironment", "UnsetEnvironment", "UMask",
            "WorkingDirectory", "RootDirectory",
        "OOMScoreAdjust", "Nice", "NonBlocking", "StandardInput", "StandardOutput", "StandardError", "TTYPath",
        "SyslogPriority", "SyslogIdentifier", "SyslogLevelPrefix", "SyslogLevel", "SyslogFacility",
        "User", "Group", "DynamicUser", "SupplementaryGroups", "PAMName", "PrivateTmp", "IgnoreSIGPIPE",
            "NoNewPrivileges",
        "RuntimeDirectoryPreserve", "RuntimeDirectoryMode", "RuntimeDirectory", "StateDirectoryMode", "StateDirectory",
        "CacheDirectoryMode", "CacheDirectory", "LogsDirectoryMode", "LogsDirectory", "ConfigurationDirectoryMode",
        "ConfigurationDirectory", "TimeoutCleanUSec", "KillMode", "KillSignal", "RestartKillSignal", "FinalKillSignal",
        "SendSIGKILL", "SendSIGHUP", "WatchdogSignal",
    ];

    /// <summary>systemd 252's dbus-timer.c vtable order.</summary>
    public static readonly string[] Timer =
    [
        "Unit", "TimersMonotonic", "TimersCalendar", "OnClockChange", "OnTimezoneChange", "NextElapseUSecRealtime",
        "NextElapseUSecMonotonic", "LastTriggerUSec", "LastTriggerUSecMonotonic", "Result", "AccuracyUSec",
            "RandomizedDelayUSec",
        "FixedRandomDelay", "Persistent", "WakeSystem", "RemainAfterElapse",
    ];

    /// <summary>
    /// systemd 252's dbus-socket.c vtable order, then the Exec*= lines and Slice= as <c>show</c> prints them.
    /// </summary>
    public static readonly string[] Socket =
    [
        "BindIPv6Only", "Backlog", "TimeoutUSec", "BindToDevice", "SocketUser", "SocketGroup", "SocketMode",
            "DirectoryMode", "Accept",
        "FlushPending", "Writable", "KeepAlive", "KeepAliveTimeUSec", "KeepAliveIntervalUSec", "KeepAliveProbes",
            "DeferAcceptUSec",
        "NoDelay", "Priority", "ReceiveBuffer", "SendBuffer", "IPTOS", "IPTTL", "PipeSize", "FreeBind", "Transparent",
            "Broadcast",
        "PassCredentials", "PassSecurity", "PassPacketInfo", "Timestamping", "RemoveOnStop", "Listen", "Symlinks",
            "Mark",
        "MaxConnections", "MaxConnectionsPerSource", "MessageQueueMaxMessages", "MessageQueueMessageSize", "ReusePort",
            "ControlPID",
        "Result", "NConnections", "NAccepted", "NRefused", "FileDescriptorName", "SocketProtocol",
            "TriggerLimitIntervalUSec",
        "TriggerLimitBurst", "UID", "GID", "ExecStartPre", "ExecStartPost", "ExecStopPre", "ExecStopPost", "Slice",
    ];

    /// <summary>systemd 252's dbus-path.c vtable order.</summary>
    public static readonly string[] Path =
        ["Unit", "Paths", "MakeDirectory", "DirectoryMode", "Result", "TriggerLimitIntervalUSec", "TriggerLimitBurst"];

    public static readonly string[] Unit =
    [
        "Id", "Names", "Following", "Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Upholds", "RequiredBy",
            "RequisiteOf",
        "WantedBy", "BoundBy", "UpheldBy", "ConsistsOf", "Conflicts", "ConflictedBy", "Before", "After", "OnSuccess",
            "OnSuccessOf",
        "OnFailure", "OnFailureOf", "Triggers", "TriggeredBy", "PropagatesReloadTo", "ReloadPropagatedFrom",
            "PropagatesStopTo",
        "StopPropagatedFrom", "JoinsNamespaceOf", "SliceOf", "RequiresMountsFor", "Documentation", "Description",
        "AccessSELinuxContext", "LoadState", "ActiveState", "FreezerState", "SubState", "FragmentPath", "SourcePath",
            "DropInPaths",
        "UnitFileState", "UnitFilePreset", "StateChangeTimestamp", "StateChangeTimestampMonotonic",
            "InactiveExitTimestamp",
        "InactiveExitTimestampMonotonic", "ActiveEnterTimestamp", "ActiveEnterTimestampMonotonic",
            "ActiveExitTimestamp",
        "ActiveExitTimestampMonotonic", "InactiveEnterTimestamp", "InactiveEnterTimestampMonotonic", "CanStart",
            "CanStop",
        "CanReload", "CanIsolate", "CanClean", "CanFreeze", "Job", "StopWhenUnneeded", "RefuseManualStart",
            "RefuseManualStop",
        "AllowIsolate", "DefaultDependencies", "OnSuccessJobMode", "OnFailureJobMode", "IgnoreOnIsolate",
            "NeedDaemonReload",
        "Markers", "JobTimeoutUSec", "JobRunningTimeoutUSec", "JobTimeoutAction", "JobTimeoutRebootArgument",
            "ConditionResult",
        "AssertResult", "ConditionTimestamp", "ConditionTimestampMonotonic", "AssertTimestamp",
            "AssertTimestampMonotonic",
        "Conditions", "Asserts", "LoadError", "Transient", "Perpetual", "StartLimitIntervalUSec", "StartLimitBurst",
        "StartLimitAction", "FailureAction", "FailureActionExitStatus", "SuccessAction", "SuccessActionExitStatus",
        "RebootArgument", "InvocationID", "CollectMode", "Refs", "ActivationDetails",
    ];

    /// <summary>The dependency properties, each with the setting that feeds it (reverse ones are computed).</summary>
    public static readonly string[] DependencyProperties =
    [
        "Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Upholds", "RequiredBy", "RequisiteOf", "WantedBy",
            "BoundBy",
        "UpheldBy", "ConsistsOf", "Conflicts", "ConflictedBy", "Before", "After", "OnSuccess", "OnSuccessOf",
            "OnFailure",
        "OnFailureOf", "Triggers", "TriggeredBy", "PropagatesReloadTo", "ReloadPropagatedFrom", "PropagatesStopTo",
        "StopPropagatedFrom", "JoinsNamespaceOf",
    ];
}
