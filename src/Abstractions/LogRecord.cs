using System.Text;

namespace Platform.Abstractions;

/// <summary>One log line of a service, with the fields journald would attach to it.</summary>
public sealed class LogRecord
{
    /// <summary>The unit that produced the line (<c>_SYSTEMD_UNIT</c>).</summary>
    public required string Unit { get; init; }
    /// <summary>Wall-clock time in microseconds since the Unix epoch (<c>__REALTIME_TIMESTAMP</c>).</summary>
    public required long RealtimeUsec { get; init; }
    /// <summary>Monotonic time in microseconds (<c>__MONOTONIC_TIMESTAMP</c>), or 0.</summary>
    public long MonotonicUsec { get; init; }
    /// <summary>Syslog priority 0 (emerg) to 7 (debug) (<c>PRIORITY</c>).</summary>
    public int Priority { get; init; } = 6;
    /// <summary>The writing process (<c>_PID</c>), or 0 when unknown.</summary>
    public int Pid { get; init; }
    /// <summary>The identifier (<c>SYSLOG_IDENTIFIER</c>): <c>SyslogIdentifier=</c> or the executable's name.</summary>
    public string? Identifier { get; init; }
    /// <summary>The message bytes without the trailing newline; may be any bytes (<c>MESSAGE</c>).</summary>
    public required byte[] Message { get; init; }
    /// <summary>The host name (<c>_HOSTNAME</c>), or null for the sink to fill in.</summary>
    public string? Hostname { get; init; }
    /// <summary>
    /// Where the line came from: <c>stdout</c>, <c>stderr</c> or <c>init</c> (the manager's own messages).
    /// </summary>
    public string Stream { get; init; } = "stdout";
    /// <summary>Further journal fields (upper-case names), e.g. <c>_UID</c>, <c>INVOCATION_ID</c>.</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>
    /// The message decoded as UTF-8 (invalid bytes replaced); use <see cref="Message"/> for exact bytes.
    /// </summary>
    public string MessageText => Encoding.UTF8.GetString(Message);
}
