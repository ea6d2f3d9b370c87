using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Output;

namespace Platform.Host.Commands.Show;

internal sealed partial class ShowValues
{
    private string? UnitValue(string key)
    {
        if (Array.IndexOf(ShowOrder.DependencyProperties, key) >= 0) return Dependency(key);
        return key switch
        {
            "Id" => _u.Name,
            "Names" => string.Join(' ', _s.Names.Count > 0 ? _s.Names : [_u.Name]),
            "Following" => "",
            "SliceOf" or "RequiresMountsFor" => "",
            "Documentation" => string.Join(' ', _u.GetWords("Unit", "Documentation").Select(d => "\"" + d + "\"")),
            "Description" => U("Description") is { Length: > 0 } d ? d : _u.Name,
            "AccessSELinuxContext" => "",
            "LoadState" => LoadStateWord(_u.LoadState),
            "ActiveState" => ActiveWord(_st.ActiveState),
            "FreezerState" => "running",
            "SubState" => _st.SubState,
            "FragmentPath" => _u.FragmentPath ?? "",
            "SourcePath" => _u.Get("Unit", "SourcePath") ?? "",
            "DropInPaths" => string.Join(' ', _u.DropInPaths),
            "UnitFileState" => _s.UnitFileState ?? "",
            "UnitFilePreset" => _s.UnitFilePreset ?? "",
            "StateChangeTimestamp" => Stamp(_st.StateChangeTimestamp),
            "StateChangeTimestampMonotonic" => Mono(_st.StateChangeTimestamp),
            "InactiveExitTimestamp" => Stamp(_st.InactiveExitTimestamp),
            "InactiveExitTimestampMonotonic" => Mono(_st.InactiveExitTimestamp),
            "ActiveEnterTimestamp" => Stamp(_st.ActiveEnterTimestamp),
            "ActiveEnterTimestampMonotonic" => Mono(_st.ActiveEnterTimestamp),
            "ActiveExitTimestamp" => Stamp(_st.ActiveExitTimestamp),
            "ActiveExitTimestampMonotonic" => Mono(_st.ActiveExitTimestamp),
            "InactiveEnterTimestamp" => Stamp(_st.InactiveEnterTimestamp),
            "InactiveEnterTimestampMonotonic" => Mono(_st.InactiveEnterTimestamp),
            "CanStart" =>
                SystemdFormat.YesNo(_u.LoadState == UnitLoadState.Loaded
                && !_u.GetBool("Unit", "RefuseManualStart", false)),
            "CanStop" => SystemdFormat.YesNo(!_u.GetBool("Unit", "RefuseManualStop", false)),
            "CanReload" => SystemdFormat.YesNo(IsService && _u.GetList("Service", "ExecReload").Count > 0),
            "CanIsolate" => SystemdFormat.YesNo(_u.Kind == "target" && _u.GetBool("Unit", "AllowIsolate", false)),
            "CanClean" => "",
            "CanFreeze" => "no",
            "Job" => Platform.Host.Lifecycle.RunningJob.Of(_st) is { } job
                ? job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            "StopWhenUnneeded" => Bool("Unit", "StopWhenUnneeded", false),
            "RefuseManualStart" => Bool("Unit", "RefuseManualStart", false),
            "RefuseManualStop" => Bool("Unit", "RefuseManualStop", false),
            "AllowIsolate" => Bool("Unit", "AllowIsolate", false),
            "DefaultDependencies" => Bool("Unit", "DefaultDependencies", true),
            "OnSuccessJobMode" => U("OnSuccessJobMode") is { Length: > 0 } m ? m : "fail",
            "OnFailureJobMode" => U("OnFailureJobMode") is { Length: > 0 } m ? m : "replace",
            "IgnoreOnIsolate" => Bool("Unit", "IgnoreOnIsolate", false),
            "NeedDaemonReload" => "no",
            "Markers" => "",
            "JobTimeoutUSec" =>
                Time(_u.GetTimeSpan("Unit", "JobTimeoutSec") is { } job ? ServiceTimeouts.ZeroMeansInfinity(job) : null,
                SystemdValues.Infinity),
            "JobRunningTimeoutUSec" => Time(_u.GetTimeSpan("Unit", "JobRunningTimeoutSec"), SystemdValues.Infinity),
            "JobTimeoutAction" => U("JobTimeoutAction") is { Length: > 0 } a ? a : "none",
            "JobTimeoutRebootArgument" => "",
            "ConditionResult" => ExtraWord("ConditionResult", "no"),
            "AssertResult" => ExtraWord("AssertResult", "no"),
            "ConditionTimestamp" => Stamp(Extra("ConditionTimestamp")),
            "ConditionTimestampMonotonic" => Mono(Extra("ConditionTimestamp")),
            "AssertTimestamp" => Stamp(Extra("AssertTimestamp")),
            "AssertTimestampMonotonic" => Mono(Extra("AssertTimestamp")),
            "Conditions" or "Asserts" or "ActivationDetails" => null,
            "LoadError" => LoadError(),
            "Transient" => "no",
            "Perpetual" => "no",
            "StartLimitIntervalUSec" => Time(_u.GetTimeSpan("Unit", "StartLimitIntervalSec"), TimeSpan.FromSeconds(10)),
            "StartLimitBurst" => U("StartLimitBurst") is { Length: > 0 } b ? b : "5",
            "StartLimitAction" => U("StartLimitAction") is { Length: > 0 } a ? a : "none",
            "FailureAction" => U("FailureAction") is { Length: > 0 } a ? a : "none",
            "FailureActionExitStatus" => "",
            "SuccessAction" => U("SuccessAction") is { Length: > 0 } a ? a : "none",
            "SuccessActionExitStatus" => "",
            "RebootArgument" => "",
            "InvocationID" => _st.InvocationId ?? "",
            "CollectMode" => U("CollectMode") is { Length: > 0 } c ? c : "inactive",
            "Refs" => "",
            _ => null,
        };
    }

    private string ExtraWord(string key, string fallback) => _st.Extra.TryGetValue(key, out var v) ? v : fallback;

    private string LoadError() => _u.LoadState switch
    {
        UnitLoadState.NotFound => $"org.freedesktop.systemd1.NoSuchUnit \"Unit {_u.Name} not found.\"",
        UnitLoadState.Masked => $"org.freedesktop.systemd1.UnitMasked \"Unit {_u.Name} is masked.\"",
        UnitLoadState.BadSetting =>
            $"org.freedesktop.systemd1.BadUnitSetting "
            + $"\"{_u.LoadError ?? "Unit configuration has fatal error, unit will not be started."}\"",
        UnitLoadState.Error => $"org.freedesktop.DBus.Error.Failed \"{_u.LoadError ?? "Failed to load unit."}\"",
        _ => "",
    };

    public static string LoadStateWord(UnitLoadState state) => state switch
    {
        UnitLoadState.Loaded => "loaded", UnitLoadState.NotFound => "not-found", UnitLoadState.Masked => "masked",
        UnitLoadState.BadSetting => "bad-setting", _ => "error",
    };

    public static string ActiveWord(ActiveState state) => state switch
    {
        ActiveState.Active => "active", ActiveState.Activating => "activating", ActiveState.Deactivating =>
            "deactivating",
        ActiveState.Reloading => "reloading", ActiveState.Failed => "failed", _ => "inactive",
    };
}
