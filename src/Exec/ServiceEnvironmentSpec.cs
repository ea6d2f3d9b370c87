using System.Globalization;

namespace Platform.Exec;

/// <summary>
/// Everything a service's environment is made of, merged by <see cref="Build"/> in systemd's order (systemd.exec(5),
/// "Environment Variables in Spawned Processes"): the manager environment (<c>set-environment</c>, with <c>PATH</c>;
/// the fixed <c>PATH</c> when none is given), then the manager-provided variables
/// (INVOCATION_ID, NOTIFY_SOCKET, MAINPID, USER..., *_DIRECTORY, WATCHDOG_*), then <c>PassEnvironment=</c>,
/// then <c>Environment=</c>, then <c>EnvironmentFile=</c> contents (which win), and finally <c>UnsetEnvironment=</c>.
/// Values arrive already parsed; this type does no file or syntax parsing.
/// </summary>
internal sealed record ServiceEnvironmentSpec
{
    /// <summary>
    /// The manager environment (<c>show-environment</c>), lowest precedence; null gives only the fixed <c>PATH</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Manager { get; init; }
    /// <summary>128-bit id of this start as 32 hex digits.</summary>
    public string? InvocationId { get; init; }
    /// <summary>The notify endpoint's address for <c>NOTIFY_SOCKET</c>.</summary>
    public string? NotifySocket { get; init; }
    /// <summary>The main PID, set for ExecReload=/ExecStop=/ExecStopPost= commands.</summary>
    public int? MainPid { get; init; }
    /// <summary>The resolved <c>User=</c> (gives USER, LOGNAME, HOME, SHELL); null when User= is unset.</summary>
    public UserCredentials? User { get; init; }
    /// <summary>Absolute paths of <c>RuntimeDirectory=</c> (and likewise for the other four kinds).</summary>
    public IReadOnlyList<string> RuntimeDirectories { get; init; } = [];
    /// <inheritdoc cref="RuntimeDirectories"/>
    public IReadOnlyList<string> StateDirectories { get; init; } = [];
    /// <inheritdoc cref="RuntimeDirectories"/>
    public IReadOnlyList<string> CacheDirectories { get; init; } = [];
    /// <inheritdoc cref="RuntimeDirectories"/>
    public IReadOnlyList<string> LogsDirectories { get; init; } = [];
    /// <inheritdoc cref="RuntimeDirectories"/>
    public IReadOnlyList<string> ConfigurationDirectories { get; init; } = [];
    /// <summary><c>WatchdogSec=</c> when the watchdog is enabled (gives WATCHDOG_USEC).</summary>
    public TimeSpan? Watchdog { get; init; }
    /// <summary>The PID the watchdog applies to (WATCHDOG_PID).</summary>
    public int? WatchdogPid { get; init; }
    /// <summary>Names from <c>PassEnvironment=</c>, taken from this process's environment when set there.</summary>
    public IReadOnlyList<string> PassEnvironment { get; init; } = [];
    /// <summary>Parsed <c>Environment=</c> assignments in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];
    /// <summary>Parsed <c>EnvironmentFile=</c> contents in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvironmentFiles { get; init; } = [];
    /// <summary>
    /// <c>UnsetEnvironment=</c> entries: <c>NAME</c> removes the variable, <c>NAME=VALUE</c> only that exact
    /// assignment.
    /// </summary>
    public IReadOnlyList<string> UnsetEnvironment { get; init; } = [];

    /// <summary>Merges everything into the final environment block.</summary>
    public ServiceEnvironment Build()
    {
        var env = new ServiceEnvironment();
        env.Set("PATH", ExecutableResolver.SearchPath);
        foreach (var (k, v) in Manager ?? []) env.Set(k, v);
        if (InvocationId is not null) env.Set("INVOCATION_ID", InvocationId);
        if (NotifySocket is not null) env.Set("NOTIFY_SOCKET", NotifySocket);
        if (MainPid is { } main) env.Set("MAINPID", main.ToString(CultureInfo.InvariantCulture));
        if (User is { } user)
        {
            env.Set("HOME", user.Home);
            env.Set("LOGNAME", user.Name);
            env.Set("USER", user.Name);
            env.Set("SHELL", user.Shell);
        }
        Directories(env, "RUNTIME_DIRECTORY", RuntimeDirectories);
        Directories(env, "STATE_DIRECTORY", StateDirectories);
        Directories(env, "CACHE_DIRECTORY", CacheDirectories);
        Directories(env, "LOGS_DIRECTORY", LogsDirectories);
        Directories(env, "CONFIGURATION_DIRECTORY", ConfigurationDirectories);
        if (Watchdog is { } watchdog)
        {
            env.Set("WATCHDOG_USEC", ((long)(watchdog.Ticks / 10)).ToString(CultureInfo.InvariantCulture));
            if (WatchdogPid is { } wpid) env.Set("WATCHDOG_PID", wpid.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var name in PassEnvironment)
            if (System.Environment.GetEnvironmentVariable(name) is { } value) env.Set(name, value);
        foreach (var (k, v) in Environment) env.Set(k, v);
        foreach (var (k, v) in EnvironmentFiles) env.Set(k, v);
        foreach (var entry in UnsetEnvironment)
        {
            var eq = entry.IndexOf('=');
            if (eq < 0) env.Remove(entry);
            else if (env.TryGetValue(entry[..eq], out var current) && current == entry[(eq + 1)..])
                env.Remove(entry[..eq]);
        }
        return env;
    }

    private static void Directories(ServiceEnvironment env, string name, IReadOnlyList<string> paths)
    {
        if (paths.Count > 0) env.Set(name, string.Join(':', paths));
    }
}
