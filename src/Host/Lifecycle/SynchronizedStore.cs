using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Serializes calls into a status store: jobs of one transaction run in parallel, store plugins need not be
/// thread-safe.
/// </summary>
internal sealed class SynchronizedStore(IStatusStore inner) : IStatusStore, IDamageReportingStatusStore
{
    private readonly Lock _gate = new();

    public void Open(StatusStoreContext context) { lock (_gate) inner.Open(context); }
    public UnitStatus? Read(string unit) { lock (_gate) return inner.Read(unit); }
    public void Write(UnitStatus status) { lock (_gate) inner.Write(status); }
    public bool Delete(string unit) { lock (_gate) return inner.Delete(unit); }
    public IReadOnlyList<UnitStatus> List() { lock (_gate) return inner.List(); }
    public bool IsDamaged(string unit)
    {
        lock (_gate) return inner is IDamageReportingStatusStore d && d.IsDamaged(unit);
    }
    public void Dispose() { lock (_gate) inner.Dispose(); }
}
