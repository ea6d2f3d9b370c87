namespace Platform.Journal.Journalctl;

/// <summary>The <c>-o</c> formats journalctl supports here.</summary>
internal enum OutputMode
{
    Short,
    ShortIso,
    ShortIsoPrecise,
    ShortPrecise,
    ShortUnix,
    ShortMonotonic,
    Cat,
    Json,
    JsonPretty,
    JsonSse,
    JsonSeq,
    Export,
}
