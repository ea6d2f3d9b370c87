using System.Diagnostics;
using System.Text.Json;
using Platform.Abstractions;

namespace Platform.StatusStores.Tests;

/// <summary>
/// Entry point of this test assembly when run as a child process (see <see cref="HelperProcess"/>):
/// <c>write STORE DIR BOOT UNIT WRITER MS</c> writes marked records in a tight loop for MS milliseconds;
/// <c>measure STORE DIR BOOT UNIT [PLUGIN_DLL]</c> times the first and later reads in a fresh process; anything else
/// runs the tests (xunit.v3's in-process runner, as its generated entry point would).
/// </summary>
public static class HelperProgram
{
    public static int Main(string[] args)
    {
        if (args.FirstOrDefault() is not ("write" or "measure"))
            return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
        try
        {
            return args[0] switch
            {
                "write" => Write(args[1], args[2], args[3], args[4], int.Parse(args[5]), int.Parse(args[6])),
                "measure" => Measure(args[1], args[2], args[3], args[4], args.Length > 5 ? args[5] : null),
                _ => throw new UnreachableException(),
            };
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    private static StatusStoreContext Context(string directory, string bootId)
        => new(directory, bootId, new Dictionary<string, string>());

    private static int Write(string store, string directory, string bootId, string unit, int writer, int milliseconds)
    {
        using var s = StoreFactory.Create(store);
        s.Open(Context(directory, bootId));
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.ElapsedMilliseconds < milliseconds)
            s.Write(SampleStatus.Marked(unit, writer, ++count));
        Console.WriteLine($"wrote {count}");
        return 0;
    }

    private static int Measure(string store, string directory, string bootId, string unit, string? pluginDll)
    {
        // The host reads every plugin.json with Utf8JsonReader before it loads a plugin, so file I/O and
        // System.Text.Json are warm by the time a store reads; do the same so the figures are the store's own.
        if (pluginDll is not null) ReadManifest(Path.Join(Path.GetDirectoryName(pluginDll), "plugin.json"));
        // Wall time suffers when other work shares the cores; the process's CPU time much less so.
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        Lap(clock, ref cpu); // compiles the timing code outside the measured laps
        using var s = pluginDll is null ? StoreFactory.Create(store)
            : PluginFolderLoadContext.CreateStore(pluginDll, store);
        var (loadWall, loadCpu) = Lap(clock, ref cpu);
        s.Open(Context(directory, bootId));
        var (openWall, openCpu) = Lap(clock, ref cpu);
        var first = s.Read(unit);
        var (readWall, readCpu) = Lap(clock, ref cpu);
        clock.Restart();
        s.Read(unit);
        var second = clock.Elapsed.TotalMicroseconds;
        var warm = new double[300];
        for (var i = 0; i < warm.Length; i++)
        {
            clock.Restart();
            s.Read(unit);
            warm[i] = clock.Elapsed.TotalMicroseconds;
        }
        Array.Sort(warm);
        Console.WriteLine(
            $"found={first is not null} wall: load={loadWall:F0}us open={openWall:F0}us first-read={readWall:F0}us; "
            + $"cpu: load={loadCpu:F0}us open={openCpu:F0}us first-read={readCpu:F0}us; second-read={second:F0}us "
                + $"warm-median={warm[warm.Length / 2]:F0}us");
        Console.WriteLine($"loaded-from={s.GetType().Assembly.Location}");
        return first is null ? 2 : 0;
    }

    private static (double Wall, double Cpu) Lap(Stopwatch clock, ref TimeSpan cpu)
    {
        var now = Environment.CpuUsage.TotalTime;
        var lap = (clock.Elapsed.TotalMicroseconds, (now - cpu).TotalMicroseconds);
        cpu = now;
        clock.Restart();
        return lap;
    }

    private static void ReadManifest(string path)
    {
        var reader = new Utf8JsonReader(File.ReadAllBytes(path));
        while (reader.Read()) { }
    }
}
