using Platform.StatusStores;

namespace Platform.Fuzz.Targets;

/// <summary>
/// A JSON status record as another process (or a damaged disk) left it: read as a record or as "damaged", never thrown.
/// </summary>
internal sealed class StatusRecordTarget : IFuzzTarget
{
    public string Name => "status-record";
    public string Corpus => "status-record";

    public void Run(ReadOnlySpan<byte> data) => UnitStatusJsonReader.Parse(data);
}
