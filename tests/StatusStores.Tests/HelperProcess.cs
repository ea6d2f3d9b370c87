using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.StatusStores.Tests;

/// <summary>
/// This test assembly started again as a separate process running <see cref="HelperProgram"/>; killed on dispose.
/// </summary>
internal sealed class HelperProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public HelperProcess(params string[] arguments)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(typeof(HelperProgram).Assembly.Location);
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end and returns what it printed; kills it when it overruns.</summary>
    public CommandResult Wait(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Dispose();
            throw new TimeoutException($"helper process {_process.Id} did not finish in {timeout}");
        }
        _process.WaitForExit();
        return new CommandResult(_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private static string DotnetHost()
    {
        // `dotnet test` tells child processes which muxer it runs under; the process path is the fallback.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileName(self) == "dotnet" ? self : "dotnet";
    }
}
