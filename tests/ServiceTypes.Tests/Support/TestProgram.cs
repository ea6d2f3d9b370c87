using System.Globalization;
using Platform.Exec;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>
/// The test assembly's own entry point, used only when a test starts this assembly with <c>dotnet</c>:
/// <c>__exec ...</c> runs the real exec helper; <c>__spawn PATH ARGS...</c> spawns a service, prints its pid and exits
/// (to show a service outlives the process that started it).
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
        Console.Error.WriteLine("usage: __exec ... | __spawn PATH ARGS...");
        return 2;
    }
}
