namespace Platform.Testing.Api;

/// <summary>Body of <c>POST /containers/{id}/exec</c>.</summary>
public sealed class ExecCreateRequest
{
    /// <summary>Program and arguments (no shell involved).</summary>
    public List<string> Cmd { get; set; } = [];

    /// <summary>User, or null for the container's user.</summary>
    public string? User { get; set; }

    /// <summary>Extra environment as <c>NAME=value</c>.</summary>
    public List<string>? Env { get; set; }

    /// <summary>Working directory, or null for the container's.</summary>
    public string? WorkingDir { get; set; }

    /// <summary>Capture standard output.</summary>
    public bool AttachStdout { get; set; } = true;

    /// <summary>Capture standard error.</summary>
    public bool AttachStderr { get; set; } = true;

    /// <summary>Always false, so the two streams stay apart.</summary>
    public bool Tty { get; set; }
}
