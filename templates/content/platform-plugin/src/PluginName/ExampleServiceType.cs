using Platform.Abstractions;

namespace PluginName;

/// <summary>
/// <c>Type=plugin-export-name</c>: runs the single <c>ExecStart=</c> command and counts the service as started once its
/// process has stayed alive for <c>X-SettleSec=</c> (default 1 s). A process that ends earlier fails the start.
/// </summary>
[ExportServiceType("plugin-export-name")]
public sealed class ExampleServiceType : IServiceType
{
    /// <summary>How long the process must survive when the unit sets no <c>X-SettleSec=</c>.</summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public bool NeedsNotify => false;

    /// <inheritdoc />
    public async Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        var commands = context.Commands("ExecStart");
        if (commands.Count != 1)
            return ServiceStartResult.Failed("resources",
                "Type=plugin-export-name needs exactly one ExecStart= command.");
        var settle = context.Unit.GetTimeSpan("Service", "X-SettleSec") ?? DefaultSettle;
        // Spawn throws ServiceStartException when the command cannot run; the host records it.
        var process = context.Spawn(commands[0]);
        // WhenAny never throws: a cancelled delay simply completes first.
        await Task.WhenAny(process.Exited, Task.Delay(settle == SystemdValues.Infinity
            ? Timeout.InfiniteTimeSpan : settle, cancellationToken)).ConfigureAwait(false);
        if (process.Exited.IsCompleted)
        {
            var exit = await process.Exited.ConfigureAwait(false);
            return ServiceStartResult.Failed(exit.FailureResult,
                $"Main process exited during the {settle.TotalSeconds:0.###} s settle time.", exit);
        }
        if (cancellationToken.IsCancellationRequested)
            return ServiceStartResult.Failed("timeout", "Start operation timed out.", mainPid: process.Pid);
        context.Trace($"Process {process.Pid} survived {settle.TotalSeconds:0.###} s; service started");
        return new ServiceStartResult { Success = true, MainPid = process.Pid, SubState = "running" };
    }
}
