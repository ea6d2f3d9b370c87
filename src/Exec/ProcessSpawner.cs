using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// Starts service processes with posix_spawn(3) (no managed code runs between fork and exec): a new session,
/// every signal at its default disposition and none blocked, stdin from /dev/null or a file, only fds 0-2 open,
/// working directory <c>/</c> unless told otherwise. A user switch goes through this program's <c>__exec</c> helper.
/// glibc reports exec failures as posix_spawn's return value, so a returned process has executed its program.
/// </summary>
internal sealed class ProcessSpawner
{
    // umask and cgroup membership are per process, not per thread: spawns (whose child inherits both) are serialised.
    private static readonly Lock SpawnLock = new();
    private const string DiagnosticsVariable = "DOTNET_EnableDiagnostics";
    private const string ListenShell = "/bin/sh";

    /// <summary>Creates a spawner; <paramref name="helper"/> defaults to this program itself.</summary>
    public ProcessSpawner(ExecHelperCommand? helper = null) => Helper = helper ?? ExecHelperCommand.ForCurrentProcess();

    /// <summary>How the <c>__exec</c> helper is started.</summary>
    public ExecHelperCommand Helper { get; }

    /// <summary>How long to wait for the helper to report exec success or failure.</summary>
    public TimeSpan HelperTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Spawns the process; throws <see cref="ServiceStartException"/> with a one-line, systemd-worded reason when it
    /// cannot run.
    /// </summary>
    public ChildProcess Spawn(SpawnRequest request)
    {
        var executable = ExecutableResolver.Resolve(request.Path);
        var needsHelper = request.Credentials is { } credentials && NeedsSwitch(credentials)
            || request.Hardening is { Any: true };
        // LISTEN_PID is the pid that runs the service: set by a shell that then execs it in place (same pid), which
        // costs a millisecond where the __exec helper costs a runtime start. The shell would change argv[0], so a
        // command with its own argv[0] (the @ prefix) goes through the helper.
        var listenShell = request.SetListenPid && !needsHelper && request.Arguments.Count > 0
            && request.Arguments[0] == executable
            && File.Exists(ListenShell);
        var viaHelper = needsHelper || request.SetListenPid && !listenShell;
        var directory = request.WorkingDirectory;
        if (!viaHelper && !Directory.Exists(directory))
        {
            if (!request.WorkingDirectoryOptional)
                throw new ServiceStartException("Changing to the requested working directory failed: "
                    + LibC.StrError(LibC.ENOENT));
            directory = "/";
        }
        using var actions = new SpawnActions(request);
        actions.Pass(request.PassFds);
        var firstFree = 3 + request.PassFds.Count;
        int[]? report = null;
        string path; IReadOnlyList<string> argv;
        var environment = request.Environment;
        if (viaHelper || !actions.ChangeDirectory(directory))
        {
            report = new int[2];
            if (LibC.pipe2(report, LibC.O_CLOEXEC) < 0)
                throw new ServiceStartException("Failed to create pipe: "
                + LibC.StrError(Marshal.GetLastPInvokeError()));
            actions.ReportTo(report[1], firstFree);
            path = Helper.Path;
            argv = HelperArguments(request, executable, directory, firstFree, out environment);
        }
        else
        {
            actions.CloseOthers(firstFree);
            path = listenShell ? ListenShell : executable;
            argv = listenShell ? [ListenShell, "-c", "LISTEN_PID=$$; export LISTEN_PID; exec \"$0\" \"$@\"",
                .. request.Arguments] : request.Arguments;
        }
        int pid, rc;
        using (var strings = new NativeStrings())
        {
            var pathP = strings.String(path);
            var argvP = strings.Vector(argv);
            var envP = strings.Vector(environment);
            (rc, pid) = SpawnLocked(request, pathP, actions, argvP, envP);
        }
        if (report is not null) _ = LibC.close(report[1]);
        if (rc != 0)
        {
            if (report is not null) _ = LibC.close(report[0]);
            throw new ServiceStartException($"Failed to execute {path}: {LibC.StrError(rc)}");
        }
        var child = new ChildProcess(pid);
        if (report is not null && ExecReport.Read(report[0], HelperTimeout) is { } failure)
        {
            child.Exited.Wait();
            throw new ServiceStartException(failure);
        }
        return child;
    }

    /// <summary>
    /// posix_spawn with the request's umask and, when it names one, inside its cgroup: both are per-process state the
    /// child inherits, so every spawn of this process holds the one lock while either is changed.
    /// </summary>
    private static (int Rc, int Pid) SpawnLocked(SpawnRequest request, IntPtr path, SpawnActions actions, IntPtr argv,
        IntPtr envp)
    {
        lock (SpawnLock)
        {
            var home = request.ControlGroup is { } group ? ControlGroups.Enter(group) : null;
            var old = LibC.umask(request.Umask);
            try
            {
                return (LibC.posix_spawn(out var pid, path, actions.FileActions, actions.Attributes, argv, envp), pid);
            }
            finally
            {
                _ = LibC.umask(old);
                if (home is not null) ControlGroups.Leave(home);
            }
        }
    }

    private List<string> HelperArguments(SpawnRequest request, string executable, string directory, int reportFd,
        out IReadOnlyList<string> environment)
    {
        var args = new List<string> { Helper.Path };
        args.AddRange(Helper.PrefixArguments);
        args.Add(ExecHelper.Mode);
        environment = request.Environment;
        // The helper is a .NET process that ends in execve, so its diagnostics socket would be left behind in /tmp.
        if (!request.Environment.Any(e => e.StartsWith(DiagnosticsVariable + "=", StringComparison.Ordinal)))
        {
            environment = [.. request.Environment, DiagnosticsVariable + "=0"];
            args.AddRange(["--drop-env", DiagnosticsVariable]);
        }
        if (request.Credentials is { } c)
        {
            args.AddRange(["--uid", c.Uid.ToString(CultureInfo.InvariantCulture), "--gid",
                c.Gid.ToString(CultureInfo.InvariantCulture)]);
            args.AddRange(["--groups", string.Join(',', c.Groups)]);
        }
        if (request.Hardening is { Any: true } hardening) args.AddRange(hardening.ToArguments());
        args.AddRange(["--umask", Convert.ToString(request.Umask, 8), "--chdir", directory, "--report-fd",
            reportFd.ToString(CultureInfo.InvariantCulture)]);
        if (request.SetListenPid) args.Add("--listen-pid");
        if (request.WorkingDirectoryOptional) args.Add("--chdir-optional");
        args.Add("--");
        args.Add(executable);
        args.AddRange(request.Arguments);
        return args;
    }

    private static bool NeedsSwitch(UserCredentials credentials)
    {
        if (credentials.Uid != LibC.geteuid() || credentials.Gid != LibC.getegid()) return true;
        var count = LibC.getgroups(0, null);
        var current = new uint[Math.Max(count, 0)];
        count = LibC.getgroups(current.Length, current);
        var have = new HashSet<uint>(current[..Math.Max(count, 0)]);
        return !have.SetEquals(credentials.Groups);
    }
}
