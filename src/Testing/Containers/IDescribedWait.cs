using DotNet.Testcontainers.Configurations;

namespace Platform.Testing;

/// <summary>
/// A readiness condition that can say what it awaits and what it saw last, for the error of a wait that gives up.
/// </summary>
public interface IDescribedWait : IWaitUntil
{
    /// <summary>What is awaited, e.g. <c>`systemctl is-active web.service` to succeed</c>.</summary>
    string Description { get; }

    /// <summary>What the last check saw (empty before the first).</summary>
    string LastSeen { get; }
}
