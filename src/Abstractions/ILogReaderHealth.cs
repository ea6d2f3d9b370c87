namespace Platform.Abstractions;

/// <summary>
/// Optional for log readers that keep files: what reading met besides records. journalctl warns and exits non-zero
/// after damage, prints rotation losses as "-- N lines rotated away --", and runs <see cref="Verify"/> for
/// <c>journalctl --verify</c>.
/// </summary>
public interface ILogReaderHealth
{
    /// <summary>
    /// Damaged stretches skipped while reading since the reader was opened, by file (each costs one or more records).
    /// </summary>
    IReadOnlyDictionary<string, int> Damaged { get; }

    /// <summary>Records of the unit that rotation deleted before its oldest kept file (0 when none).</summary>
    long RotatedAway(string unit);

    /// <summary>
    /// Checks every file, reporting one <c>PASS: path</c> or <c>FAIL: path (reason)</c> line each; true when all pass.
    /// </summary>
    bool Verify(Action<string> report);
}
