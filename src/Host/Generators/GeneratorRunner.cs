using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Generators;

/// <summary>
/// Runs the unit generators of a manager once (systemd.generator(7)): the three output folders are emptied, every
/// generator is started at the same time with them as arguments and the documented environment, and all of them
/// together get one time limit (<c>GeneratorTimeoutSec=</c>, default 90 s as systemd's). A generator still running
/// then is killed; one that fails is reported and its partial output is kept, as systemd does.
/// </summary>
internal sealed class GeneratorRunner(HostContext ctx)
{
    /// <summary>
    /// Runs them; returns how many ran. Warnings go to stderr; nothing here throws for a bad generator.
    /// </summary>
    public int Run()
    {
        var paths = ctx.Units.Paths;
        var outputs = paths.GeneratorOutputs.Select(paths.Under).ToArray();
        foreach (var folder in outputs) Empty(folder);
        var generators = GeneratorSet.Find(paths);
        if (generators.Count > 0)
        {
            var environment = GeneratorEnvironment.Build(ctx);
            var limit = ctx.Config.GeneratorTimeout;
            var running = new List<(string File, ChildProcess Process)>();
            var spawner = new ProcessSpawner();
            foreach (var file in generators)
            {
                try
                {
                    running.Add((file, spawner.Spawn(new SpawnRequest
                    {
                        Path = file,
                        Arguments = [file, .. outputs],
                        Environment = environment,
                        StandardOutput = StdioTarget.Null,
                        StandardError = StdioTarget.Inherit,
                    })));
                }
                catch (Exception e) when (e is ServiceStartException or IOException or UnauthorizedAccessException)
                {
                    ctx.Warn($"{ctx.Units.Paths.InRoot(file)} failed to start: {ErrorText.DescribeWithPath(e)}");
                }
            }
            // One limit for all of them together, as systemd's execute_directories() has.
            var exits = running.Select(r => r.Process.Exited).ToArray();
            Task.WaitAll(exits, Deadline.IsInfinite(limit) ? Timeout.InfiniteTimeSpan : limit);
            foreach (var (file, process) in running) Settle(file, process);
        }
        foreach (var folder in outputs) RemoveIfEmpty(folder);
        ctx.Units.Invalidate();
        return generators.Count;
    }

    private void Settle(string file, ChildProcess process)
    {
        var exited = process.Exited;
        if (!exited.IsCompleted)
        {
            ctx.Warn($"{ctx.Units.Paths.InRoot(file)} timed out. Killing.");
            process.Handle.Signal(9);
            exited.Wait();
            return;
        }
        var exit = exited.Result;
        if (exit.IsCleanExit) return;
        ctx.Warn(exit.Code == ProcessExit.Exited
            ? $"{ctx.Units.Paths.InRoot(file)} failed with exit status {exit.Status}."
            : $"{ctx.Units.Paths.InRoot(file)} terminated by signal {SignalNames.Name(exit.Status)}.");
    }

    /// <summary>A fresh, empty folder: what the last run generated is gone before this run starts.</summary>
    private static void Empty(string folder)
    {
        if (Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is null)
            Directory.Delete(folder, recursive: true);
        else if (File.Exists(folder)) File.Delete(folder);
        Directory.CreateDirectory(folder);
    }

    /// <summary>systemd trims generator folders nobody wrote to.</summary>
    private static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        }
        catch (IOException) { }
    }
}
