using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// A process this process spawned. <see cref="Exited"/> waits on its pidfd (no polling) and then reaps exactly this
/// child with waitid(P_PIDFD), so the runtime's own SIGCHLD handling (which only reaps children started through
/// <c>System.Diagnostics.Process</c>) cannot take its status.
/// </summary>
internal sealed class ChildProcess : IServiceProcess
{
    private readonly PidHandle _handle;
    private readonly object _lock = new();
    private TaskCompletionSource<ProcessExit>? _exit;

    /// <summary>
    /// Children whose exit this process is waiting for right now: an init's reaper leaves them to their waiter.
    /// </summary>
    internal static readonly ConcurrentDictionary<int, byte> Awaited = new();

    /// <summary>
    /// Raised after a waiter reaped its child: an init learns of exits it did not reap itself (a notify service's main
    /// process).
    /// </summary>
    internal static event Action<int, ProcessExit>? Reaped;

    /// <summary>
    /// Exits an init's reaper collected for children nobody was waiting for yet; a late waiter finds its status here.
    /// </summary>
    internal static readonly ConcurrentDictionary<int, ProcessExit> ReapedElsewhere = new();

    internal ChildProcess(int pid)
    {
        _handle = PidHandle.ForChild(pid);
        StartTime = ProcFs.StartTime(pid) ?? 0;
    }

    /// <inheritdoc/>
    public int Pid => _handle.Pid;

    /// <summary>The start time from <c>/proc/PID/stat</c> field 22 (0 when the process was already gone).</summary>
    public ulong StartTime { get; }

    /// <summary>The handle for signalling the process without pid-reuse races.</summary>
    public PidHandle Handle => _handle;

    /// <inheritdoc/>
    public Task<ProcessExit> Exited
    {
        get
        {
            lock (_lock)
            {
                if (_exit is not null) return _exit.Task;
                _exit = new TaskCompletionSource<ProcessExit>(TaskCreationOptions.RunContinuationsAsynchronously);
                Awaited[Pid] = 0;
                if (_handle.Fd >= 0) PidfdWatcher.Shared.Register(_handle.Fd, Reap);
                else new Thread(Reap) { IsBackground = true, Name = "reap-" + Pid }.Start();
                return _exit.Task;
            }
        }
    }

    private void Reap()
    {
        var info = Marshal.AllocHGlobal(LibC.SigInfoSize);
        try
        {
            Marshal.Copy(new byte[LibC.SigInfoSize], 0, info, LibC.SigInfoSize);
            int rc;
            do rc = _handle.Fd >= 0 ? LibC.waitid(LibC.P_PIDFD, _handle.Fd, info, LibC.WEXITED)
                : LibC.waitid(LibC.P_PID, Pid, info, LibC.WEXITED);
            while (rc < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);
            if (rc < 0)
            {
                // Someone else reaped it: an init's reaper (which kept the status) or the runtime, when started with
                // SIGCHLD ignored.
                _exit!.TrySetResult(ReapedElsewhere.TryRemove(Pid, out var kept) ? kept : Decode(LibC.ECHILD, 0));
                return;
            }
            var exit = Decode(Marshal.ReadInt32(info, LibC.SigInfoCodeOffset),
                Marshal.ReadInt32(info, LibC.SigInfoStatusOffset));
            _exit!.TrySetResult(exit);
            Reaped?.Invoke(Pid, exit);
        }
        finally
        {
            Marshal.FreeHGlobal(info);
            Awaited.TryRemove(Pid, out _);
            _handle.Dispose();
        }
    }

    private static ProcessExit Decode(int code, int status) => code switch
    {
        ProcessExit.Killed => ProcessExit.FromSignal(status),
        ProcessExit.Dumped => ProcessExit.FromSignal(status, coreDumped: true),
        ProcessExit.Exited => ProcessExit.FromExitStatus(status),
        // Status unknown: report it like an exec failure would show, never as a clean exit.
        _ => ProcessExit.FromExitStatus(255),
    };
}
