using System.Diagnostics;
using System.Security.Cryptography;

namespace Platform.Fuzz.Engine;

/// <summary>
/// The in-process fuzzer: mutates corpus entries, runs the target, keeps inputs that reach new coverage, and stops at
/// the first crash (an escaping exception), hang (one input over <see cref="LoopOptions.HangAfter"/>) or memory
/// blow-up, saving the input. Used by CI for short runs and as the engine when afl-fuzz is not installed.
/// </summary>
internal sealed class MutationLoop
{
    private readonly IFuzzTarget _target;
    private readonly LoopOptions _options;
    private readonly List<byte[]> _corpus;
    private byte[] _current = [];
    private int _lateOnce;

    public MutationLoop(IFuzzTarget target, IEnumerable<byte[]> seeds, LoopOptions options)
    {
        _target = target;
        _options = options;
        _corpus = seeds.ToList();
        if (_corpus.Count == 0) _corpus.Add([]);
    }

    public LoopReport Run(CoverageMap coverage, IReadOnlyList<string> tokens)
    {
        var random = new Random(_options.Seed);
        var mutator = new Mutator(random, tokens, _options.MaxInputLength);
        var clock = Stopwatch.StartNew();
        long executions = 0;
        using var watchdog = new Watchdog(_options.HangAfter);
        Watchdog.Pending = () =>
            Console.Out.WriteLine(Finding(executions, clock.Elapsed, coverage.Edges, "hang", _current,
            "one input never returned"));
        // The seeds run first, unmutated: a seed that crashes is a finding too.
        var seeds = new Queue<byte[]>(_corpus);
        while (!Done(executions, clock.Elapsed))
        {
            _current = seeds.Count > 0 ? seeds.Dequeue()
                : mutator.Mutate(_corpus[random.Next(_corpus.Count)], _corpus[random.Next(_corpus.Count)]);
            coverage.Reset();
            watchdog.Arm();
            try { _target.Run(_current); }
            catch (Exception e)
            {
                watchdog.Disarm();
                return Finding(executions + 1, clock.Elapsed, coverage.Edges, "crash", _current, e.ToString());
            }
            if (watchdog.Disarm() && !FinishesOnRerun(watchdog))
                return Finding(executions + 1, clock.Elapsed, coverage.Edges, "hang", _current,
                    $"one input ran over {_options.HangAfter} three times");
            executions++;
            if (coverage.Merge() && seeds.Count == 0) _corpus.Add(_current);
            if ((executions & 1023) == 0 && GC.GetTotalMemory(false) > _options.MemoryLimitBytes
                && GC.GetTotalMemory(true) > _options.MemoryLimitBytes)
                return Finding(executions, clock.Elapsed, coverage.Edges, "oom", _current,
                    $"managed heap over {_options.MemoryLimitBytes} bytes");
        }
        return new LoopReport(_target.Name, executions, clock.Elapsed, _corpus.Count, coverage.Edges, null,
            null) { LateOnce = _lateOnce };
    }

    /// <summary>
    /// An input that returned late is run twice more: on a loaded machine a scheduling stall can push one run over the
    /// limit, while a real hang (a loop the input drives) is late every time.
    /// </summary>
    private bool FinishesOnRerun(Watchdog watchdog)
    {
        for (var rerun = 0; rerun < 2; rerun++)
        {
            watchdog.Arm();
            _target.Run(_current);
            if (!watchdog.Disarm())
            {
                _lateOnce++;
                return true;
            }
        }
        return false;
    }

    private bool Done(long executions, TimeSpan elapsed)
        => (_options.Executions > 0 && executions >= _options.Executions)
            || (_options.Duration > TimeSpan.Zero && elapsed >= _options.Duration);

    private LoopReport Finding(long executions, TimeSpan elapsed, int edges, string kind, byte[] input, string detail)
    {
        Directory.CreateDirectory(_options.FindingsDirectory);
        var path = Path.Join(_options.FindingsDirectory,
            $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}");
        File.WriteAllBytes(path, input);
        File.WriteAllText(path + ".txt", detail + "\n");
        return new LoopReport(_target.Name, executions, elapsed, _corpus.Count, edges, kind, path);
    }
}
