using System.Globalization;
using Platform.Host.Lifecycle;
using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

/// <summary>
/// Writes runtime records the way the default (json) status store keeps them, stamped with this boot, so read-only
/// commands can be tested before any service has really run.
/// </summary>
internal static class StatusRecords
{
    public static string Directory(TempRoot root) => root.Combine("/run/platform/status");

    public static void Write(TempRoot root, string unit, string activeState, string subState,
        int mainPid = 0, ulong mainPidStartTime = 0, int execMainStatus = 0, string result = "success")
    {
        var inv = CultureInfo.InvariantCulture;
        var json = "{\n"
            + $"  \"Unit\": \"{unit}\",\n  \"ActiveState\": \"{activeState}\",\n  \"SubState\": \"{subState}\",\n"
            + $"  \"Result\": \"{result}\",\n  \"MainPid\": {mainPid.ToString(inv)},\n"
                + $"  \"MainPidStartTime\": {mainPidStartTime.ToString(inv)},\n"
            + $"  \"ExecMainPid\": {mainPid.ToString(inv)},\n  \"ExecMainCode\": {(execMainStatus != 0 ? 1 : 0)},\n"
            + $"  \"ExecMainStatus\": {execMainStatus.ToString(inv)},\n  \"BootId\": \"{BootIdentity.Current()}\"\n"
            + "}\n";
        root.Write($"/run/platform/status/{unit}.status", json);
    }

    /// <summary>
    /// This test process as a "main PID": alive for as long as the test runs, with its real start time.
    /// </summary>
    public static (int Pid, ulong StartTime) Self()
        => (Environment.ProcessId, BootIdentity.StartTimeTicks(File.ReadAllText("/proc/self/stat")));
}
