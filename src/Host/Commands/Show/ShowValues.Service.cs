using Platform.Abstractions;

namespace Platform.Host.Commands.Show;

internal sealed partial class ShowValues
{
    /// <summary>
    /// A signal setting's number (names, <c>SIG</c>-less names and numbers), or null when unset or unknown.
    /// </summary>
    private static int? Signal(string? text) => SignalNames.TryParse(text, out var signal) ? signal : null;

    private string? ServiceValue(string key) => key switch
    {
        "Type" => ServiceType(),
        "ExitType" => S("ExitType") is { Length: > 0 } e ? e : "main",
        "Restart" => S("Restart") is { Length: > 0 } r ? r : "no",
        "PIDFile" => S("PIDFile"),
        "NotifyAccess" =>
            S("NotifyAccess") is { Length: > 0 } n ? n : ServiceType() is "notify" or "notify-reload" ? "main" : "none",
        "RestartUSec" => Time(_u.GetTimeSpan("Service", "RestartSec"), TimeSpan.FromMilliseconds(100)),
        "TimeoutStartUSec" => SystemdValues.FormatTimeSpan(StartTimeout()),
        "TimeoutStopUSec" => SystemdValues.FormatTimeSpan(StopTimeout()),
        "TimeoutAbortUSec" => Time(_u.GetTimeSpan("Service", "TimeoutAbortSec"), StopTimeout()),
        "TimeoutStartFailureMode" => S("TimeoutStartFailureMode") is { Length: > 0 } m ? m : "terminate",
        "TimeoutStopFailureMode" => S("TimeoutStopFailureMode") is { Length: > 0 } m ? m : "terminate",
        "RuntimeMaxUSec" => Time(_u.GetTimeSpan("Service", "RuntimeMaxSec"), SystemdValues.Infinity),
        "RuntimeRandomizedExtraUSec" => Time(_u.GetTimeSpan("Service", "RuntimeRandomizedExtraSec"), TimeSpan.Zero),
        "WatchdogUSec" => Time(_u.GetTimeSpan("Service", "WatchdogSec"), TimeSpan.Zero),
        "WatchdogTimestamp" => Stamp(Extra("WatchdogTimestamp")),
        "WatchdogTimestampMonotonic" => Mono(Extra("WatchdogTimestamp")),
        "RootDirectoryStartOnly" => Bool("Service", "RootDirectoryStartOnly", false),
        "RemainAfterExit" => Bool("Service", "RemainAfterExit", false),
        "GuessMainPID" => Bool("Service", "GuessMainPID", true),
        "RestartPreventExitStatus" => Words("Service", "RestartPreventExitStatus"),
        "RestartForceExitStatus" => Words("Service", "RestartForceExitStatus"),
        "SuccessExitStatus" => Words("Service", "SuccessExitStatus"),
        "MainPID" => Num(_st.MainPid),
        "ControlPID" => Num(_st.ControlPid),
        "BusName" => S("BusName"),
        "FileDescriptorStoreMax" => "0",
        "NFileDescriptorStore" => "0",
        "StatusText" => _st.StatusText ?? "",
        "StatusErrno" => Num(_st.StatusErrno),
        "Result" => _st.Result,
        "ReloadResult" => "success",
        "CleanResult" => "success",
        "UID" or "GID" => "[not set]",
        "NRestarts" => Num(_st.NRestarts),
        "OOMPolicy" => Found ? "stop" : "",
        "ExecMainStartTimestamp" => Stamp(_st.ExecMainStartTimestamp),
        "ExecMainStartTimestampMonotonic" => Mono(_st.ExecMainStartTimestamp),
        "ExecMainExitTimestamp" => Stamp(_st.ExecMainExitTimestamp),
        "ExecMainExitTimestampMonotonic" => Mono(_st.ExecMainExitTimestamp),
        "ExecMainPID" => Num(_st.ExecMainPid),
        "ExecMainCode" => Num(_st.ExecMainCode),
        "ExecMainStatus" => Num(_st.ExecMainStatus),
        "ExecCondition" or "ExecStartPre" or "ExecStart" or "ExecStartPost" or "ExecReload" or "ExecStop"
            or "ExecStopPost" => ExecProperty(key, false),
        "ExecConditionEx" or "ExecStartPreEx" or "ExecStartEx" or "ExecStartPostEx" or "ExecReloadEx" or "ExecStopEx"
            or "ExecStopPostEx" => ExecProperty(key[..^2], true),
        "Slice" => _s.Slice ?? "",
        "ControlGroup" => _s.ControlGroup ?? "",
        "Delegate" => Bool("Service", "Delegate", false),
        "Environment" => Words("Service", "Environment"),
        "PassEnvironment" => Words("Service", "PassEnvironment"),
        "UnsetEnvironment" => Words("Service", "UnsetEnvironment"),
        "UMask" => S("UMask") is { Length: > 0 } m ? m.PadLeft(4, '0') : "0022",
        "WorkingDirectory" => S("WorkingDirectory"),
        "RootDirectory" => S("RootDirectory"),
        "OOMScoreAdjust" => S("OOMScoreAdjust") is { Length: > 0 } o ? o : "0",
        "Nice" => S("Nice") is { Length: > 0 } n ? n : "0",
        "NonBlocking" => Bool("Service", "NonBlocking", false),
        "StandardInput" => S("StandardInput") is { Length: > 0 } i ? i : "null",
        "StandardOutput" => S("StandardOutput") is { Length: > 0 } o ? o : "journal",
        "StandardError" => S("StandardError") is { Length: > 0 } e ? e : "inherit",
        "TTYPath" => S("TTYPath"),
        "SyslogPriority" => "30",
        "SyslogIdentifier" => S("SyslogIdentifier"),
        "SyslogLevelPrefix" => Bool("Service", "SyslogLevelPrefix", true),
        "SyslogLevel" => "6",
        "SyslogFacility" => "3",
        "User" => S("User"),
        "Group" => S("Group"),
        "DynamicUser" => Bool("Service", "DynamicUser", false),
        "SupplementaryGroups" => Words("Service", "SupplementaryGroups"),
        "PAMName" => S("PAMName"),
        "PrivateTmp" => Bool("Service", "PrivateTmp", false),
        "IgnoreSIGPIPE" => Bool("Service", "IgnoreSIGPIPE", true),
        "NoNewPrivileges" => Bool("Service", "NoNewPrivileges", false),
        "RuntimeDirectoryPreserve" => S("RuntimeDirectoryPreserve") is { Length: > 0 } p ? p : "no",
        "RuntimeDirectoryMode" or "StateDirectoryMode" or "CacheDirectoryMode" or "LogsDirectoryMode"
            or "ConfigurationDirectoryMode"
            => S(key) is { Length: > 0 } m ? m.PadLeft(4, '0') : "0755",
        "RuntimeDirectory" or "StateDirectory" or "CacheDirectory" or "LogsDirectory" or "ConfigurationDirectory" =>
            Words("Service", key),
        "TimeoutCleanUSec" => "infinity",
        "KillMode" => S("KillMode") is { Length: > 0 } k ? k : "control-group",
        "KillSignal" => Num(Signal(S("KillSignal")) ?? 15),
        "RestartKillSignal" => Num(Signal(S("RestartKillSignal")) ?? Signal(S("KillSignal")) ?? 15),
        "FinalKillSignal" => Num(Signal(S("FinalKillSignal")) ?? 9),
        "SendSIGKILL" => Bool("Service", "SendSIGKILL", true),
        "SendSIGHUP" => Bool("Service", "SendSIGHUP", false),
        "WatchdogSignal" => Num(Signal(S("WatchdogSignal")) ?? 6),
        _ => null,
    };

    private long Extra(string key)
        => _st.Extra.TryGetValue(key, out var text) && long.TryParse(text, out var v) ? v : 0;
}
