namespace Platform.Abstractions;

/// <summary>
/// A service could not be started for a reason known before any process ran (missing executable, bad user, ...).
/// </summary>
public sealed class ServiceStartException : Exception
{
    /// <summary>Creates the exception with a one-line reason and systemd's result word.</summary>
    public ServiceStartException(string message, string result = "resources") : base(message) => Result = result;

    /// <summary>The result word to record (<c>resources</c>, <c>exit-code</c>, ...).</summary>
    public string Result { get; }
}
