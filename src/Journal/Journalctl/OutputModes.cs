namespace Platform.Journal.Journalctl;

/// <summary>The <c>-o</c> names.</summary>
internal static class OutputModes
{
    public static OutputMode? Parse(string name) => name switch
    {
        "short" => OutputMode.Short,
        "short-iso" => OutputMode.ShortIso,
        "short-iso-precise" => OutputMode.ShortIsoPrecise,
        "short-precise" => OutputMode.ShortPrecise,
        "short-unix" => OutputMode.ShortUnix,
        "short-monotonic" => OutputMode.ShortMonotonic,
        "cat" => OutputMode.Cat,
        "json" => OutputMode.Json,
        "json-pretty" => OutputMode.JsonPretty,
        "json-sse" => OutputMode.JsonSse,
        "json-seq" => OutputMode.JsonSeq,
        "export" => OutputMode.Export,
        _ => null,
    };

    public static bool IsShort(OutputMode mode) => mode <= OutputMode.ShortMonotonic;
}
