using System.Globalization;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Init;
using Platform.Host.Lifecycle;

namespace Platform.Host.Paths;

/// <summary>
/// <c>start x.path</c> (systemd's path_start()): MakeDirectory= folders, then active/waiting with a new invocation.
/// A running init serves it from its own loop (it notices the record through its status folder watch); without one a
/// detached watcher process (<c>systemctl __pathwatch</c>, spawned as the log pump is) serves it until it is stopped.
/// </summary>
internal static class PathStart
{
    public static UnitStatus Start(HostContext ctx, StatusWriter writer, UnitDefinition unit, UnitStatus previous)
    {
        var settings = PathSettings.From(unit);
        if (settings.MakeDirectory)
            foreach (var spec in settings.Specs)
                // path_spec_mkdir(): never for the existence settings, whose path may well be a file.
                if (spec.Kind is not (PathKind.PathExists or PathKind.PathExistsGlob))
                {
                    // systemd warns and watches anyway (the path may be a file already).
                    try { Directory.CreateDirectory(ctx.Under(spec.Path), settings.DirectoryMode); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        ctx.Warn($"{unit.Name}: Failed to create directory {spec.Path}: "
                            + $"{(File.Exists(ctx.Under(spec.Path)) ? "File exists" : ErrorText.Describe(e))}");
                    }
                }
        var active = writer.ActiveWithoutProcess(previous);
        var record = writer.Write(active with { SubState = "waiting", Result = "success",
            InvocationId = Guid.NewGuid().ToString("N") });
        var init = new InitState(ctx).RunningPid();
        // The init itself (its boot) arms the loop once this start is done; waiting here would wait for ourselves.
        if (init == Environment.ProcessId) return record;
        if (init is { } pid)
        {
            PathRuntime.WaitArmed(ctx, unit.Name, record.InvocationId!, () => Platform.Exec.ProcFs.IsAlive(pid));
            return record;
        }
        var (withWatcher, watcher) = SpawnWatcher(ctx, writer, record);
        PathRuntime.WaitArmed(ctx, unit.Name, record.InvocationId!, () => Platform.Exec.ProcFs.IsAlive(watcher));
        return withWatcher;
    }

    private static (UnitStatus Record, int Pid) SpawnWatcher(HostContext ctx, StatusWriter writer, UnitStatus record)
    {
        var command = new List<string> { Environment.ProcessPath ?? "systemctl", PathWatcherProcess.Mode, record.Unit,
            "--root=" + ctx.RootOrSlash };
        if (ctx.Options.UserMode) command.Add("--user");
        foreach (var o in ctx.Options.ConfigOverrides) command.AddRange(["-c", o]);
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            environment.Add($"{e.Key}={e.Value}");
        // Spawned in its own session with /dev/null for stdio: it outlives this systemctl and no terminal holds it.
        var child = new ProcessSpawner().Spawn(new SpawnRequest { Path = command[0], Arguments = command,
            Environment = environment });
        var extra = new Dictionary<string, string>(record.Extra) {
            [PathRuntime.WatcherKey] = child.Pid.ToString(CultureInfo.InvariantCulture) };
        return (writer.Write(record with { Extra = extra }), child.Pid);
    }
}
