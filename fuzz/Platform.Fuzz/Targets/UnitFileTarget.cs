using Platform.Units;

namespace Platform.Fuzz.Targets;

/// <summary>
/// Unit-file bytes through the parser and the Exec checks a load runs (UnitFileParser, ExecLineParser).
/// </summary>
internal sealed class UnitFileTarget : IFuzzTarget
{
    public string Name => "unit-file";
    public string Corpus => "unit-file";

    public void Run(ReadOnlySpan<byte> data)
    {
        var parsed = UnitFileParser.ParseBytes(data, "/fuzz/x.service", _ => { });
        var settings = parsed.Settings.ToList();
        UnitChecks.CheckExecLines("service", settings, _ => { });
    }
}
