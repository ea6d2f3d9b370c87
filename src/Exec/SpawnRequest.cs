namespace Platform.Exec;

/// <summary>Everything needed to start one service process. Paths are on the real file system.</summary>
internal sealed record SpawnRequest
{
    /// <summary>
    /// The executable: absolute, or a bare name searched in <see cref="ExecutableResolver.SearchPath"/>.
    /// </summary>
    public required string Path { get; init; }
    /// <summary>The argument vector including argv[0], already variable-expanded.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }
    /// <summary>The complete environment as <c>KEY=VALUE</c> strings.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];
    /// <summary>The working directory (default <c>/</c>, as for system services).</summary>
    public string WorkingDirectory { get; init; } = "/";
    /// <summary>
    /// <c>WorkingDirectory=-PATH</c>: a missing directory is not an error (the process starts in <c>/</c>).
    /// </summary>
    public bool WorkingDirectoryOptional { get; init; }
    /// <summary>The file mode creation mask (<c>UMask=</c>, default 0022).</summary>
    public uint Umask { get; init; } = 0x12;
    /// <summary>Standard input: <see cref="StdioTarget.Null"/> (default) or a file.</summary>
    public StdioTarget StandardInput { get; init; } = StdioTarget.Null;
    /// <summary>
    /// Standard output (default <c>/dev/null</c>; <see cref="StdioKind.Journal"/> must be resolved by the caller).
    /// </summary>
    public StdioTarget StandardOutput { get; init; } = StdioTarget.Null;
    /// <summary>Standard error; null means the same as standard output (<c>StandardError=inherit</c>).</summary>
    public StdioTarget? StandardError { get; init; }
    /// <summary>The identity to switch to (<c>User=</c>/<c>Group=</c>); null keeps this process's identity.</summary>
    public UserCredentials? Credentials { get; init; }
    /// <summary>
    /// Descriptors the process gets as fds 3, 4, ... in this order (socket activation); they stay open in the caller.
    /// </summary>
    public IReadOnlyList<int> PassFds { get; init; } = [];
    /// <summary>
    /// Sets <c>LISTEN_PID</c> to the process's own pid (sd_listen_fds(3)); sends the spawn through the <c>__exec</c>
    /// helper.
    /// </summary>
    public bool SetListenPid { get; init; }
    /// <summary>
    /// systemd.exec(5) process settings; any of them sends the spawn through the <c>__exec</c> helper.
    /// </summary>
    public ExecHardening? Hardening { get; init; }
    /// <summary>
    /// The cgroup directory the process is born in (see <see cref="ControlGroups"/>), or null without one.
    /// </summary>
    public string? ControlGroup { get; init; }
}
