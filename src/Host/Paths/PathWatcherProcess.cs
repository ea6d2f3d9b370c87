using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Output;

namespace Platform.Host.Paths;

/// <summary>
/// The detached watcher of one path unit when no init runs (<c>systemctl __pathwatch NAME --root=R</c>): it runs the
/// unit's <see cref="PathUnitLoop"/> and starts the triggered unit through a fresh <c>systemctl start</c> process, so
/// the start is exactly what a user's start would be (locks, dependencies, notify, logs) and the watcher supervises
/// nothing. It ends when the path unit is stopped or started anew (its record changes) or on SIGTERM. Without an init
/// above it, it is the reaper of what it started (as the socket holder is, <see cref="Sockets.ExitSettler"/>), so a
/// long-running triggered service that exits is settled by its real exit status.
/// </summary>
internal static class PathWatcherProcess
{
    public const string Mode = "__pathwatch";

    public static int Run(string[] args)
    {
        var options = ArgParser.Parse(args[1..]);
        var name = options.Command ?? throw new UsageException("__pathwatch needs a unit name");
        var ctx = new HostContext(options, DescriptorStream.Writer(1), DescriptorStream.Writer(2));
        var status = ctx.Store.Read(name);
        var unit = ctx.Units.Load(name);
        if (status?.ActiveState != ActiveState.Active || unit.LoadState != UnitLoadState.Loaded) return 0;
        using var loop = new PathUnitLoop(ctx, name, status.InvocationId!, PathSettings.From(unit),
            u => StartAsync(ctx, u));
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; loop.Stop(); });
        var exits = new Sockets.ExitSettler(ctx);
        exits.BecomeReaperUnlessInitAbove();
        using var children = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGCHLD, _ => exits.ReapAndSettle());
        loop.Run();
        return 0;
    }

    private static async Task StartAsync(HostContext ctx, string unit)
    {
        var command = new List<string> { Environment.ProcessPath ?? "systemctl", "--root=" + ctx.RootOrSlash, "start",
            unit };
        if (ctx.Options.UserMode) command.Insert(1, "--user");
        foreach (var o in ctx.Options.ConfigOverrides) command.InsertRange(1, ["-c", o]);
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            environment.Add($"{e.Key}={e.Value}");
        try
        {
            var child = new ProcessSpawner().Spawn(new SpawnRequest { Path = command[0], Arguments = command,
                Environment = environment });
            await child.Exited.ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServiceStartException or IOException)
        {
            ctx.Warn($"Failed to start {unit}: {ErrorText.DescribeWithPath(e)}");
        }
    }
}
