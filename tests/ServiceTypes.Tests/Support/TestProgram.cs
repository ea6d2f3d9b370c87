using System.Globalization;
using Platform.Exec;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>
/// The test assembly's own entry point: <c>__exec ...</c> runs the real exec helper; <c>__spawn PATH ARGS...</c> spawns
/// a service, prints its pid and exits (to show a service outlives the process that started it); anything else runs
/// the tests (xunit.v3's in-process runner, as its generated entry point would).
/// </summary>
public static class TestProgram
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ExecHelper.Mode) return ExecHelper.Run(args);
        if (args.Length > 1 && args[0] == "__spawn")
        {
            var child = new ProcessSpawner().Spawn(new SpawnRequest { Path = args[1], Arguments = args[1..] });
            Console.WriteLine(child.Pid.ToString(CultureInfo.InvariantCulture));
            return 0;
        }
        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
