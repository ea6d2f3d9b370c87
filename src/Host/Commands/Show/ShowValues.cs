using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.Exec;
using Platform.Host.Output;

namespace Platform.Host.Commands.Show;

/// <summary>
/// Computes the value of each property <c>show</c> can print for a unit. A null value means the property does not
/// apply to this unit (never printed); an empty value is printed only with <c>--all</c> or when asked for by name.
/// </summary>
internal sealed partial class ShowValues
{
    private readonly UnitSnapshot _s;
    private readonly UnitDefinition _u;
    private readonly UnitStatus _st;
    private readonly long _monotonicOffsetUsec;
    private readonly HostConfiguration _config;

    public ShowValues(UnitSnapshot snapshot, HostConfiguration config)
    {
        _config = config;
        _s = snapshot;
        _u = snapshot.Unit;
        _st = snapshot.Status;
        var monoNow = System.Diagnostics.Stopwatch.GetTimestamp() / (
            System.Diagnostics.Stopwatch.Frequency / 1_000_000);
        _monotonicOffsetUsec = SystemdFormat.NowUsec() - monoNow;
    }

    private bool IsService => _u.Kind == "service";
    private bool Found => _u.LoadState != UnitLoadState.NotFound;

    /// <summary>
    /// Every property in systemd's order with its value (null ones left out); with <paramref name="wanted"/>, only
    /// those are computed, so <c>show -p Id</c> does not parse command lines or format timestamps.
    /// </summary>
    public IEnumerable<(string Key, string Value)> All(HashSet<string>? wanted = null)
    {
        if (IsService)
            foreach (var key in ShowOrder.Service)
                if ((wanted is null || wanted.Contains(key)) && ServiceValue(key) is { } v) yield return (key, v);
        if (_u.Kind == "timer" && Found)
            foreach (var key in ShowOrder.Timer)
                if (wanted is null || wanted.Contains(key))
                    foreach (var v in TimerValues(key)) yield return (key, v);
        if (_u.Kind == "socket" && Found)
            foreach (var key in ShowOrder.Socket)
                if (wanted is null || wanted.Contains(key))
                    foreach (var v in SocketValues(key)) yield return (key, v);
        if (_u.Kind == "path" && Found)
            foreach (var key in ShowOrder.Path)
                if (wanted is null || wanted.Contains(key))
                    foreach (var v in PathValues(key)) yield return (key, v);
        foreach (var key in ShowOrder.Unit)
            if ((wanted is null || wanted.Contains(key)) && UnitValue(key) is { } v) yield return (key, v);
    }

    private string S(string key) => _u.Get("Service", key) ?? "";
    private string U(string key) => _u.Get("Unit", key) ?? "";
    private string Bool(string section, string key, bool fallback) =>
        SystemdFormat.YesNo(_u.GetBool(section, key, fallback));
    private static string Time(TimeSpan? span, TimeSpan fallback) => SystemdValues.FormatTimeSpan(span ?? fallback);
    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Stamp(long usec) => SystemdFormat.Timestamp(usec);
    private string Mono(long usec) => usec <= 0 ? "0" : Num(Math.Max(0, usec - _monotonicOffsetUsec));

    public string ServiceType()
    {
        if (!Found) return "";
        var type = _u.Get("Service", "Type");
        if (type is not null) return type;
        // systemd.service(5): dbus when BusName= is set, simple with an ExecStart=, else oneshot.
        if (_u.Get("Service", "BusName") is { Length: > 0 }) return "dbus";
        return _u.GetList("Service", "ExecStart").Count > 0 || _u.LoadState != UnitLoadState.Loaded
            ? "simple" : "oneshot";
    }

    /// <summary>As systemd shows it: 0 means no timeout and prints <c>infinity</c>.</summary>
    public TimeSpan StartTimeout()
        => ServiceTimeouts.ZeroMeansInfinity(_u.GetTimeSpan("Service", "TimeoutStartSec")
            ?? _u.GetTimeSpan("Service", "TimeoutSec")
           ?? (ServiceType() == "oneshot" ? SystemdValues.Infinity : _config.DefaultTimeoutStartSec));

    public TimeSpan StopTimeout() => ServiceTimeouts.Stop(_u, _config.DefaultTimeoutStopSec);

    private string Words(string section, string key) => SystemdFormat.Words(_u.GetWords(section, key));

    private string Dependency(string key)
        => _s.Dependencies.TryGetValue(key, out var list) ? string.Join(' ', list) : "";

    private string ExecProperty(string setting, bool extended)
    {
        var commands = _s.Commands(setting);
        if (commands.Count == 0) return "";
        var isMain = setting == "ExecStart";
        return string.Join(' ', commands.Select(c => ExecText(c, extended, isMain && c == commands[^1])));
    }

    private string ExecText(ExecCommand c, bool extended, bool carriesMainRun)
    {
        var argv = string.Join(' ', c.Arguments);
        var middle = extended ? $"flags={Flags(c)}" : $"ignore_errors={SystemdFormat.YesNo(c.IgnoreFailure)}";
        var ran = carriesMainRun && _st.ExecMainPid > 0;
        var start = ran && _st.ExecMainStartTimestamp > 0 ? Stamp(_st.ExecMainStartTimestamp) : "n/a";
        var stop = ran && _st.ExecMainExitTimestamp > 0 ? Stamp(_st.ExecMainExitTimestamp) : "n/a";
        var pid = ran ? _st.ExecMainPid : 0;
        var code = ran && _st.ExecMainCode != 0 ? CodeName(_st.ExecMainCode) : "(null)";
        var status = ran && _st.ExecMainCode != 0 ? Num(_st.ExecMainStatus) : "0/0";
        return $"{{ path={c.Path} ; argv[]={argv} ; {middle} ; start_time=[{start}] ; stop_time=[{stop}] ; pid={pid} ; "
            + $"code={code} ; status={status} }}";
    }

    private static string Flags(ExecCommand c)
    {
        var flags = new List<string>();
        if (c.IgnoreFailure) flags.Add("ignore-failure");
        if (c.FullPrivileges) flags.Add("privileged");
        if (c.NoSandbox) flags.Add("no-setuid");
        if (c.NoEnvironmentExpansion) flags.Add("no-env-expand");
        return string.Join(' ', flags);
    }

    private static string CodeName(int code) =>
        code switch { 1 => "exited", 2 => "killed", 3 => "dumped", _ => "(null)" };
}
