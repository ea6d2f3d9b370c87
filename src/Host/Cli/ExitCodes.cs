namespace Platform.Host.Cli;

/// <summary>Exit codes as systemctl and the LSB status conventions define them (see compat.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    /// <summary>LSB "program is not running" (status, is-active).</summary>
    public const int NotRunning = 3;
    /// <summary>
    /// LSB's "unimplemented feature" (EXIT_NOTIMPLEMENTED): a job type that does not apply, such as reload without
    /// ExecReload=.
    /// </summary>
    public const int NotImplemented = 3;
    /// <summary>LSB "program or service status is unknown" (status of an unknown unit).</summary>
    public const int NoSuchUnit = 4;
    /// <summary>
    /// LSB "user had insufficient privilege" (EXIT_NOPERMISSION): systemctl's answer to a refused job.
    /// </summary>
    public const int NoPermission = 4;
    /// <summary>Start/stop of a unit that is not installed.</summary>
    public const int NotInstalled = 5;
}
