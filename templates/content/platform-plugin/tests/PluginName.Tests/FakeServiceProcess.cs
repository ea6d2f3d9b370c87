using System.Diagnostics;
using Platform.Abstractions;

namespace PluginName.Tests;

/// <summary>A real child process standing in for what the host's <see cref="IServiceContext.Spawn"/> returns.</summary>
internal sealed class FakeServiceProcess : IServiceProcess, IDisposable
{
    private readonly Process _process;

    public FakeServiceProcess(ExecCommand command)
    {
        var start = new ProcessStartInfo(command.Path) { UseShellExecute = false };
        for (var i = 1; i < command.Arguments.Count; i++) start.ArgumentList.Add(command.Arguments[i]);
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + command.Path);
        Exited = WaitAsync();
    }

    public int Pid => _process.Id;

    public Task<ProcessExit> Exited { get; }

    private async Task<ProcessExit> WaitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return ProcessExit.FromExitStatus(_process.ExitCode);
    }

    /// <summary>Kills the process if it still runs and reaps it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
