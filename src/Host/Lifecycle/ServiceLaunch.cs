using Microsoft.Win32.SafeHandles;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Journal;
using Platform.Units;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Everything a service's commands are spawned with: environment, journal streams, notify endpoint. Built once per
/// start (or per stop/reload for the control commands) and disposed when the starting systemctl is done with it.
/// </summary>
internal sealed class ServiceLaunch : IDisposable
{
    private static readonly string[] Levels = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];
    private SafeFileHandle? _journal;

    private ServiceLaunch(ServiceContext context, SafeFileHandle? journal, INotifyEndpoint? notify)
    {
        Context = context;
        _journal = journal;
        Notify = notify;
    }

    public ServiceContext Context { get; }
    public INotifyEndpoint? Notify { get; }

    /// <summary>
    /// Prepares a launch; throws <see cref="ServiceStartException"/> for settings that make the start impossible.
    /// </summary>
    public static ServiceLaunch Create(HostContext ctx, UnitDefinition unit, string invocationId,
        INotifyEndpoint? notify,
        int? mainPid, Action<string>? statusText, Action<IReadOnlyList<int>>? spawned = null,
            Sockets.SocketActivation? sockets = null)
    {
        var spec = Environment(ctx, unit, invocationId, mainPid);
        var journal = OpenJournal(ctx, unit, invocationId);
        var context = new ServiceContext(new ServiceContextOptions
        {
            Unit = unit,
            Environment = spec,
            Notify = notify,
            StartTimeout = StartTimeout(ctx, unit),
            Root = "/",
            // Without a journal, an init's services write to its own output (docker logs) rather than nowhere.
            Journal = journal is not null ? StdioTarget.FromDescriptor((int)journal.DangerousGetHandle())
                : System.Environment.ProcessId == 1 ? StdioTarget.Inherit : StdioTarget.Null,
            Trace = ctx.Options.Verbosity > 0 ? m => ctx.Err.WriteLine($"{unit.Name}: {m}") : null,
            StatusText = statusText,
            Spawned = spawned,
            ListenFds = sockets?.Fds ?? [],
            ListenFdNames = sockets?.Names ?? [],
            Connection = sockets?.Connection,
            ControlGroup = UnitControlGroup.Prepare(ctx, unit),
        });
        return new ServiceLaunch(context, journal, notify);
    }

    /// <summary>TimeoutStartSec= of the unit, else the configured default (which tests lower with <c>-c</c>).</summary>
    public static TimeSpan StartTimeout(HostContext ctx, UnitDefinition unit)
        => ServiceTimeouts.Start(unit, ctx.Config.DefaultTimeoutStartSec);

    /// <summary>TimeoutStopSec= of the unit, else the configured default.</summary>
    public static TimeSpan StopTimeout(HostContext ctx, UnitDefinition unit)
        => ServiceTimeouts.Stop(unit, ctx.Config.DefaultTimeoutStopSec);

    private static ServiceEnvironmentSpec Environment(HostContext ctx, UnitDefinition unit, string invocationId,
        int? mainPid)
    {
        var environment = new List<KeyValuePair<string, string>>();
        foreach (var line in unit.GetList("Service", "Environment"))
            environment.AddRange(UnitRepository.ParseEnvironmentAssignments(line));
        var files = new List<KeyValuePair<string, string>>();
        foreach (var entry in unit.GetList("Service", "EnvironmentFile"))
        {
            var optional = entry.StartsWith('-');
            var path = optional ? entry[1..] : entry;
            var real = ctx.Under(path);
            if (!File.Exists(real))
            {
                if (optional) continue;
                throw new ServiceStartException($"Failed to load environment files: {path}: No such file or directory");
            }
            files.AddRange(UnitRepository.ReadEnvironmentFile(real));
        }
        var watchdog = unit.GetTimeSpan("Service", "WatchdogSec");
        return new ServiceEnvironmentSpec
        {
            // Read at every launch: a set-environment by another systemctl applies to the next start, as in systemd.
            Manager = ManagerEnvironment.Effective(ctx),
            InvocationId = invocationId,
            MainPid = mainPid,
            Environment = environment,
            EnvironmentFiles = files,
            PassEnvironment = unit.GetWords("Service", "PassEnvironment"),
            UnsetEnvironment = unit.GetWords("Service", "UnsetEnvironment"),
            RuntimeDirectories = UnitDirectories.Paths(unit, "RuntimeDirectory", "/run"),
            StateDirectories = UnitDirectories.Paths(unit, "StateDirectory", "/var/lib"),
            CacheDirectories = UnitDirectories.Paths(unit, "CacheDirectory", "/var/cache"),
            LogsDirectories = UnitDirectories.Paths(unit, "LogsDirectory", "/var/log"),
            ConfigurationDirectories = UnitDirectories.Paths(unit, "ConfigurationDirectory", "/etc"),
            Watchdog = watchdog is { } w && w > TimeSpan.Zero && !Deadline.IsInfinite(w) ? w : null,
        };
    }

    /// <summary>
    /// One stream to the log pump for the unit's output; a pump that cannot be reached costs the logs, not the start.
    /// </summary>
    private static SafeFileHandle? OpenJournal(HostContext ctx, UnitDefinition unit, string invocationId)
    {
        if (!WantsJournal(unit)) return null;
        var identifier = unit.Get("Service", "SyslogIdentifier") ?? Identifier(unit);
        var priority = Array.IndexOf(Levels, unit.Get("Service", "SyslogLevel") ?? "info");
        try
        {
            var slice = UnitControlGroup.Slice(ctx, unit);
            return JournalStreamClient.Connect(ctx.RootOrSlash,
                new JournalStreamHeader(unit.Name, identifier, "stdout", priority < 0 ? 6 : priority,
                unit.GetBool("Service", "SyslogLevelPrefix", true), invocationId, slice));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
        {
            if (ctx.Options.Verbosity > 0 || System.Environment.ProcessId != 1)
                ctx.Warn($"Failed to connect {unit.Name} to the journal: {ErrorText.Describe(e)}");
            return null;
        }
    }

    private static bool WantsJournal(UnitDefinition unit)
    {
        foreach (var key in (string[])["StandardOutput", "StandardError"])
        {
            var value = unit.Get("Service", key);
            if (value is null ? key == "StandardOutput" : value.StartsWith("journal", StringComparison.Ordinal)
                || value.StartsWith("kmsg", StringComparison.Ordinal) || value == "syslog")
                return true;
        }
        return false;
    }

    private static string Identifier(UnitDefinition unit)
    {
        foreach (var line in unit.GetList("Service", "ExecStart"))
        {
            var first = line.TrimStart('-', '@', '+', '!', ':', ' ').Split(' ', 2)[0];
            if (first.Length > 0) return Path.GetFileName(first);
        }
        return unit.Name[..unit.Name.LastIndexOf('.')];
    }

    public void Dispose()
    {
        _journal?.Dispose();
        _journal = null;
        Notify?.Dispose();
    }
}
