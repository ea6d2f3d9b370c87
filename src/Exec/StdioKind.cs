namespace Platform.Exec;

/// <summary>Where one standard stream of a service goes.</summary>
internal enum StdioKind
{
    /// <summary>Keep this process's descriptor (only sensible for debugging; ties the service to the caller).</summary>
    Inherit,
    /// <summary><c>/dev/null</c>.</summary>
    Null,
    /// <summary>A descriptor the caller provides (e.g. a socket to the log pump), duplicated onto the stream.</summary>
    Descriptor,
    /// <summary>
    /// <c>file:PATH</c>: opened for writing (reading for stdin) without truncation, created when missing.
    /// </summary>
    File,
    /// <summary><c>append:PATH</c>: opened for appending, created when missing.</summary>
    Append,
    /// <summary><c>truncate:PATH</c>: truncated when opened, created when missing.</summary>
    Truncate,
    /// <summary>
    /// <c>journal</c>, <c>kmsg</c>, <c>syslog</c> and their <c>+console</c> forms: the unit's log, resolved by the
    /// context.
    /// </summary>
    Journal,
}
