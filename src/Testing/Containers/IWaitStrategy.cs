namespace Platform.Testing;

/// <summary>A readiness condition polled by <see cref="TestContainer.WaitForAsync"/>; see <see cref="Wait"/> for the built-in ones.</summary>
public interface IWaitStrategy
{
    /// <summary>What is awaited, for error messages (e.g. <c>unit web.service active</c>).</summary>
    string Description { get; }

    /// <summary>Checks once; <see cref="WaitCheck.Detail"/> says what was seen when not ready.</summary>
    Task<WaitCheck> CheckAsync(TestContainer container, CancellationToken ct);
}
