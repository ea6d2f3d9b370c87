namespace Platform.Abstractions;

/// <summary>How a process ended, as waitid(2) reports it.</summary>
/// <param name="Code">1 exited (CLD_EXITED), 2 killed by a signal (CLD_KILLED), 3 dumped core (CLD_DUMPED).</param>
/// <param name="Status">The exit status, or the signal number.</param>
public readonly record struct ProcessExit(int Code, int Status)
{
    /// <summary>CLD_EXITED.</summary>
    public const int Exited = 1;
    /// <summary>CLD_KILLED.</summary>
    public const int Killed = 2;
    /// <summary>CLD_DUMPED.</summary>
    public const int Dumped = 3;

    /// <summary>A normal exit with status 0.</summary>
    public bool IsCleanExit => Code == Exited && Status == 0;

    /// <summary>
    /// The result word systemd records for a failed run: <c>exit-code</c>, <c>signal</c> or <c>core-dump</c>.
    /// </summary>
    public string FailureResult => Code switch { Killed => "signal", Dumped => "core-dump", _ => "exit-code" };

    /// <summary>Creates an exit from a normal exit status.</summary>
    public static ProcessExit FromExitStatus(int status) => new(Exited, status);

    /// <summary>Creates an exit from a terminating signal.</summary>
    public static ProcessExit FromSignal(int signal, bool coreDumped = false) =>
        new(coreDumped ? Dumped : Killed, signal);
}
