using System.Globalization;
using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// The host's <see cref="IServiceContext"/>: spawns a unit's commands with its credentials, directory, umask, output
/// and environment, tracks the sessions it started (for stopping and main-PID guessing) and owns the start deadline,
/// which <c>EXTEND_TIMEOUT_USEC=</c> messages can push back (see <see cref="StartAsync"/>).
/// </summary>
internal sealed class ServiceContext : IServiceContext
{
    private const string S = "Service";
    private readonly ServiceContextOptions _options;
    private readonly ProcessSpawner _spawner;
    private readonly Dictionary<string, IReadOnlyList<ExecCommand>> _commands = new(StringComparer.Ordinal);
    private readonly List<ChildProcess> _spawned = [];
    // Only ExecStart= gets the socket descriptors, as systemd passes them (EXEC_PASS_FDS) to the main commands alone.
    private readonly HashSet<ExecCommand> _mainCommands = new(ReferenceEqualityComparer.Instance);
    private readonly StartDeadline _deadline;
    private UserCredentials? _credentials;
    private ExecHardening? _hardening;

    /// <summary>Creates the context; nothing is resolved or spawned yet.</summary>
    public ServiceContext(ServiceContextOptions options)
    {
        _options = options;
        _spawner = options.Spawner ?? new ProcessSpawner();
        StartTimeout = options.StartTimeout ?? ServiceTimeouts.Start(options.Unit);
        _deadline = new StartDeadline(StartTimeout);
        Notify = options.Notify is null ? null : new DeadlineNotifyEndpoint(options.Notify, _deadline, this);
        PidFile = options.Unit.Get(S, "PIDFile");
    }

    /// <inheritdoc/>
    public UnitDefinition Unit => _options.Unit;
    /// <inheritdoc/>
    public TimeSpan StartTimeout { get; }
    /// <inheritdoc/>
    public INotifyEndpoint? Notify { get; }
    /// <inheritdoc/>
    public string? PidFile { get; }
    /// <summary>The last <c>STATUS=</c> text, if any.</summary>
    public string? StatusText { get; private set; }
    /// <summary>Every process spawned through this context, in order.</summary>
    public IReadOnlyList<ChildProcess> Spawned => _spawned;
    /// <summary>
    /// Control commands that ran to their end, as the host's runtime record keeps them (its <c>Processes</c> lines),
    /// for <c>status</c>.
    /// </summary>
    public List<string> ControlLines { get; } = [];
    /// <summary>
    /// The session ids of the spawned processes (each leads its own): record them for
    /// <see cref="KillTarget.Sessions"/>.
    /// </summary>
    public IReadOnlyList<int> Sessions => _spawned.ConvertAll(p => p.Pid);

    /// <summary>
    /// Runs <paramref name="type"/>'s start under the start deadline; a deadline that passes gives result
    /// <c>timeout</c>.
    /// </summary>
    public async Task<ServiceStartResult> StartAsync(IServiceType type, CancellationToken cancellationToken = default)
    {
        using var cts = _deadline.Start(cancellationToken);
        try
        {
            return await type.StartAsync(this, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested
            && !cancellationToken.IsCancellationRequested)
        {
            var last = _spawned.Count > 0 ? _spawned[^1].Pid : 0;
            return ServiceStartResult.Failed("timeout", "Start operation timed out. Terminating.", mainPid: last);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ExecCommand> Commands(string setting)
    {
        if (_commands.TryGetValue(setting, out var list)) return list;
        try { list = ExecCommandLine.FromUnit(Unit, setting); }
        catch (FormatException e) { throw new ServiceStartException($"{setting}= {ErrorText.Describe(e)}"); }
        _commands[setting] = list;
        if (setting == "ExecStart") foreach (var command in list) _mainCommands.Add(command);
        return list;
    }

    /// <inheritdoc/>
    public IServiceProcess Spawn(ExecCommand command) => Spawn(command, null);

    /// <summary>
    /// Spawns a command; <paramref name="mainPid"/> sets <c>MAINPID</c> (for ExecReload=, ExecStop=, ExecStopPost=).
    /// </summary>
    public ChildProcess Spawn(ExecCommand command, int? mainPid)
    {
        var credentials = UnitExecSettings.HasCredentials(Unit) ? Credentials() : null;
        var environment = BuildEnvironment(mainPid);
        var passFds = _mainCommands.Contains(command) ? _options.ListenFds : [];
        if (passFds.Count > 0)
        {
            environment.Set("LISTEN_FDS", passFds.Count.ToString(CultureInfo.InvariantCulture));
            environment.Set("LISTEN_FDNAMES", string.Join(':', _options.ListenFdNames));
        }
        var argv = command.NoEnvironmentExpansion ? command.Arguments
            : VariableExpander.Expand(command.Arguments, environment);
        var (directory, optional) = UnitExecSettings.WorkingDirectory(Unit, credentials);
        var request = new SpawnRequest
        {
            Path = command.Path,
            Arguments = argv.Count > 0 ? argv : [command.Path],
            Environment = environment.ToEnvp(),
            WorkingDirectory = directory,
            WorkingDirectoryOptional = optional,
            Umask = UnitExecSettings.Umask(Unit),
            StandardInput = UnitExecSettings.Input(Unit, _options.Connection),
            StandardOutput = UnitExecSettings.Output(Unit, "StandardOutput", _options.Journal, _options.Connection)
                ?? StdioTarget.Null,
            StandardError = UnitExecSettings.Output(Unit, "StandardError", _options.Journal, _options.Connection),
            PassFds = passFds,
            SetListenPid = passFds.Count > 0,
            // "!" leaves the credential change to the program (chronyd, for one, drops root itself).
            Credentials = command.FullPrivileges || command.NoSandbox ? null : credentials,
            // "+" runs a command with full privileges: no user switch and no sandboxing (systemd.service(5)).
            Hardening = command.FullPrivileges ? null : _hardening ??= ExecHardening.FromUnit(Unit),
            ControlGroup = _options.ControlGroup,
        };
        Trace("Spawning " + (command.Raw.Length > 0 ? command.Raw : string.Join(' ', argv)));
        var child = _spawner.Spawn(request);
        _spawned.Add(child);
        _options.Spawned?.Invoke(Sessions);
        return child;
    }

    /// <summary>The environment a command of this unit gets.</summary>
    public ServiceEnvironment BuildEnvironment(int? mainPid = null)
    {
        var spec = _options.Environment with
        {
            User = Unit.Get(S, "User") is null ? _options.Environment.User : Credentials(),
            NotifySocket = Notify?.Address ?? _options.Environment.NotifySocket,
            MainPid = mainPid ?? _options.Environment.MainPid,
        };
        return spec.Build();
    }

    /// <inheritdoc/>
    public int? ReadPidFile()
    {
        if (PidFile is null) return null;
        string text;
        try { text = File.ReadAllText(Path.Join(_options.Root, PidFile)); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        var line = text.AsSpan().Trim();
        var nl = line.IndexOf('\n');
        if (nl >= 0) line = line[..nl].Trim();
        return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }

    /// <inheritdoc/>
    public bool IsAlive(int pid) => ProcFs.IsAlive(pid);

    /// <inheritdoc/>
    public bool AcceptsMainPid(int pid, int currentMain, NotifyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MainPidRule.Refusal(pid, currentMain, Sessions, message.SenderPid, message.SenderUid) is not { } refusal)
            return true;
        Trace(refusal);
        return false;
    }

    /// <inheritdoc/>
    public int? GuessMainPid() => MainPidGuess.Guess(UnitProcesses.Find(0, Sessions));

    /// <inheritdoc/>
    public void SetStatusText(string text)
    {
        StatusText = text;
        _options.StatusText?.Invoke(text);
    }

    /// <inheritdoc/>
    public void Trace(string message) => _options.Trace?.Invoke(message);

    private UserCredentials Credentials() => _credentials ??= UnitExecSettings.Credentials(Unit);
}
