using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Host.Init;

/// <summary>
/// As PID 1 the .NET runtime reaps every child on SIGCHLD itself (waitid(P_ALL) + wait4(-1)), which steals the exit
/// statuses the init needs. So PID 1 stays a thin parent: it runs the real init as its child (a child subreaper, so
/// orphans still reach it), forwards the stop signals and exits with the init's code.
/// </summary>
internal static class Pid1Wrapper
{
    /// <summary>Set in the real init's environment: it is the system's init although its pid is not 1.</summary>
    public const string Variable = "PLATFORM_INIT_UNDER_PID1";

    public static bool IsUnderPid1 => Environment.GetEnvironmentVariable(Variable) == "1";

    public static int Run()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "/proc/self/exe") { UseShellExecute = false };
        foreach (var arg in Environment.GetCommandLineArgs().AsSpan(1)) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "1";
        using var child = Process.Start(start)!;
        void Forward(PosixSignalContext c)
        {
            c.Cancel = true;
            try { Mono.Unix.Native.Syscall.kill(child.Id, c.Signal == PosixSignal.SIGINT ? Mono.Unix.Native.Signum.SIGINT : Mono.Unix.Native.Signum.SIGTERM); }
            catch (InvalidOperationException) { }
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);
        child.WaitForExit();
        return child.ExitCode;
    }
}
