namespace Platform.Host.Lifecycle;

/// <summary>The lines systemctl prints when a job fails, worded as systemd 252 words them per service result.</summary>
internal static class JobMessages
{
    public static string ForResult(string unit, string result)
    {
        var reason = result switch
        {
            "exit-code" => " because the control process exited with error code",
            "timeout" => " because a timeout was exceeded",
            "signal" => " because a fatal signal was delivered to the control process",
            "core-dump" => " because a fatal signal was delivered causing the control process to dump core",
            "start-limit-hit" => " because the service was attempted to be started too often",
            "resources" => " because of unavailable resources or another system error",
            "watchdog" => " because the watchdog timed out",
            "protocol" => " because the service did not take the steps required by its unit configuration",
            _ => "",
        };
        return $"Job for {unit} failed{reason}.\nSee \"systemctl status {unit}\" and \"journalctl -xeu {unit}\" for details.";
    }

    public static string Dependency(string unit)
        => $"A dependency job for {unit} failed. See 'journalctl -xe' for details.";

    public static string Assert(string unit) => $"Assertion failed on job for {unit}.";
}
