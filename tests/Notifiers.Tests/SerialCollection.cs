namespace Platform.Notifiers.Tests;

/// <summary>Tests that count this process's open fds run alone, so no other test's sockets skew the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial fd counting";
}
