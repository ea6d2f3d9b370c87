using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// Reaps the zombie children of this process that nobody in it waits for (orphans an init inherited, services'
/// main processes), leaving children a <see cref="ChildProcess"/> waits on to their waiter. Called on SIGCHLD.
/// </summary>
internal static class ZombieReaper
{
    /// <summary>Every unowned zombie child, reaped, with how it ended.</summary>
    public static List<(int Pid, ProcessExit Exit)> ReapUnowned()
    {
        var self = Environment.ProcessId;
        var reaped = new List<(int, ProcessExit)>();
        foreach (var stat in ProcFs.All())
        {
            if (stat.ParentPid != self || !stat.IsZombie || ChildProcess.Awaited.ContainsKey(stat.Pid)) continue;
            // The status is published before the child is reaped: a waiter that registers in between and loses the
            // race for waitid finds it there instead of an ECHILD.
            if (Wait(stat.Pid, LibC.WNOWAIT) is not { } exit) continue;
            ChildProcess.ReapedElsewhere[stat.Pid] = exit;
            if (ChildProcess.Awaited.ContainsKey(stat.Pid)) continue;
            if (Wait(stat.Pid, 0) is not null) reaped.Add((stat.Pid, exit));
        }
        // Statuses nobody came for within a few reaps would pile up; a waiter registers long before that.
        if (ChildProcess.ReapedElsewhere.Count > 256) ChildProcess.ReapedElsewhere.Clear();
        return reaped;
    }

    private static ProcessExit? Wait(int pid, int extraOptions)
    {
        var info = Marshal.AllocHGlobal(LibC.SigInfoSize);
        try
        {
            Marshal.Copy(new byte[LibC.SigInfoSize], 0, info, LibC.SigInfoSize);
            if (LibC.waitid(LibC.P_PID, pid, info, LibC.WEXITED | LibC.WNOHANG | extraOptions) < 0) return null;
            if (Marshal.ReadInt32(info, LibC.SigInfoPidOffset) != pid) return null;
            var code = Marshal.ReadInt32(info, LibC.SigInfoCodeOffset);
            var status = Marshal.ReadInt32(info, LibC.SigInfoStatusOffset);
            return code switch
            {
                ProcessExit.Killed => ProcessExit.FromSignal(status),
                ProcessExit.Dumped => ProcessExit.FromSignal(status, coreDumped: true),
                _ => ProcessExit.FromExitStatus(status),
            };
        }
        finally
        {
            Marshal.FreeHGlobal(info);
        }
    }
}
