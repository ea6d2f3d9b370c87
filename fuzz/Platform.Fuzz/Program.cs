using Platform.Fuzz.Engine;

namespace Platform.Fuzz;

/// <summary>
/// <c>Platform.Fuzz run TARGET [--execs N] [--seconds S] [--corpus DIR] [--findings DIR] [--seed N]</c>: the in-process
/// loop; exit 0 when nothing was found, 1 crash, 2 out of memory, 3 hang.
/// <c>Platform.Fuzz afl TARGET</c>: SharpFuzz's afl-fuzz fork-server loop (started by afl-fuzz, see fuzz/run.sh).
/// <c>Platform.Fuzz replay TARGET FILE...</c>: runs saved inputs once each, for reproducing a finding.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 2 || !TargetRegistry.Names.Contains(args[1]) || args[0] is not ("run" or "afl" or "replay"))
        {
            Console.Error.WriteLine(
                $"usage: Platform.Fuzz run|afl|replay TARGET [options]; targets: "
                + $"{string.Join(", ", TargetRegistry.Names)}");
            return 64;
        }
        // Instrumented code writes its edge counters from the first instrumented call on, target constructors
        // included: the map must exist before anything under test runs (afl mode: SharpFuzz maps AFL's).
        if (args[0] == "afl") return Afl(args[1]);
        using var coverage = new CoverageMap();
        var target = TargetRegistry.Create(args[1])!;
        try
        {
            return args[0] == "run" ? RunLoop(target, coverage, args[2..]) : Replay(target, args[2..]);
        }
        finally { (target as IDisposable)?.Dispose(); }
    }

    private static int RunLoop(IFuzzTarget target, CoverageMap coverage, string[] args)
    {
        var corpus = Option(args, "--corpus") ?? Path.Join(AppContext.BaseDirectory, "corpus", target.Corpus);
        var options = new LoopOptions
        {
            Executions = long.Parse(Option(args, "--execs") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            Duration = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds") ?? "0",
                System.Globalization.CultureInfo.InvariantCulture)),
            Seed = int.Parse(Option(args, "--seed") ?? Environment.TickCount.ToString(
                System.Globalization.CultureInfo.InvariantCulture),
                System.Globalization.CultureInfo.InvariantCulture),
            FindingsDirectory = Option(args, "--findings") ?? Path.Join(Path.GetTempPath(), "platform-fuzz-findings",
                target.Name),
        };
        if (options.Executions == 0 && options.Duration == TimeSpan.Zero)
            options = options with { Duration = TimeSpan.FromSeconds(10) };
        var seeds = Directory.Exists(corpus) ? Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes) : [];
        var report = new MutationLoop(target, seeds, options).Run(coverage, TargetRegistry.Tokens(target.Name));
        Console.Out.WriteLine(report);
        return report.Finding switch { null => 0, "crash" => 1, "oom" => 2, _ => 3 };
    }

    private static int Afl(string name)
    {
        IFuzzTarget? target = null;
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            target ??= TargetRegistry.Create(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
        return 0;
    }

    private static int Replay(IFuzzTarget target, string[] files)
    {
        foreach (var file in files)
        {
            target.Run(File.ReadAllBytes(file));
            Console.Out.WriteLine($"{file}: ok");
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
