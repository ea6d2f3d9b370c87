namespace Platform.Abstractions;

/// <summary>What a status store needs to know to open.</summary>
/// <param name="StateDirectory">The folder the store keeps its data in (already relative to <c>--root</c>), created by
/// the host.</param>
/// <param name="BootId">An id of the current boot; records written under another id are from an earlier boot and must
/// be ignored.</param>
/// <param name="Settings">The store's settings from the configuration (keys without the <c>StatusStore.NAME.</c>
/// prefix).</param>
public sealed record StatusStoreContext(string StateDirectory, string BootId,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>
    /// Prints one warning line for the user (e.g. a record that is ignored); null when nobody listens.
    /// </summary>
    public Action<string>? Warn { get; init; }
}
