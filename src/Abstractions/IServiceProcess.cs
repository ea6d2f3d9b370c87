namespace Platform.Abstractions;

/// <summary>
/// A process the host spawned for a service, owned by the calling process (so its exit can be awaited).
/// </summary>
public interface IServiceProcess
{
    /// <summary>The process id.</summary>
    int Pid { get; }

    /// <summary>Completes when the process has ended and been reaped.</summary>
    Task<ProcessExit> Exited { get; }
}
