using Platform.Abstractions;

namespace PluginName.Tests;

/// <summary>A minimal stand-in for the host's service context: commands come from the unit, Spawn starts real processes.</summary>
internal sealed class FakeServiceContext(UnitDefinition unit) : IServiceContext, IDisposable
{
    private readonly List<FakeServiceProcess> _spawned = [];

    public UnitDefinition Unit { get; } = unit;
    public TimeSpan StartTimeout => TimeSpan.FromSeconds(90);
    public INotifyEndpoint? Notify => null;
    public string? PidFile => null;
    public List<string> Traces { get; } = [];
    public IReadOnlyList<FakeServiceProcess> Spawned => _spawned;

    public IReadOnlyList<ExecCommand> Commands(string setting)
    {
        var commands = new List<ExecCommand>();
        foreach (var line in Unit.GetList("Service", setting))
        {
            var words = SystemdValues.SplitWords(line);
            commands.Add(new ExecCommand { Path = words[0], Arguments = words, Raw = line });
        }
        return commands;
    }

    public IServiceProcess Spawn(ExecCommand command)
    {
        var process = new FakeServiceProcess(command);
        _spawned.Add(process);
        return process;
    }

    public int? ReadPidFile() => null;
    public bool IsAlive(int pid) => Directory.Exists("/proc/" + pid);
    public int? GuessMainPid() => null;
    public void SetStatusText(string text) => Traces.Add("status: " + text);
    public void Trace(string message) => Traces.Add(message);

    public void Dispose()
    {
        foreach (var process in _spawned) process.Dispose();
    }
}
