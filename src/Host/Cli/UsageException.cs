namespace Platform.Host.Cli;

/// <summary>Bad command-line input: printed as one line to stderr, exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
