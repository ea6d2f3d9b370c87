namespace Platform.Abstractions;

/// <summary>
/// Keeps <see cref="UnitStatus"/> records on disk so separate systemctl processes share what each did.
/// Many processes use a store at once: every write must be atomic and a reader must never see a torn record.
/// The host holds the unit's lock around read-modify-write sequences; the store need not.
/// Export with <see cref="ExportStatusStoreAttribute"/>.
/// </summary>
public interface IStatusStore : IDisposable
{
    /// <summary>Prepares the store; called once before any other member.</summary>
    void Open(StatusStoreContext context);

    /// <summary>The unit's record, or null when there is none or it is from an earlier boot.</summary>
    UnitStatus? Read(string unit);

    /// <summary>Replaces the unit's record atomically, stamping it with the current boot id.</summary>
    void Write(UnitStatus status);

    /// <summary>Removes the unit's record; returns whether one existed.</summary>
    bool Delete(string unit);

    /// <summary>All records of the current boot.</summary>
    IReadOnlyList<UnitStatus> List();
}
