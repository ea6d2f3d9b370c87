namespace Platform.Journal.Journalctl;

/// <summary>What a journalctl command line asks for (see <see cref="JournalctlParser"/>).</summary>
internal sealed class JournalctlOptions
{
    public List<string> Units { get; } = [];
    public List<string> Identifiers { get; } = [];
    public List<KeyValuePair<string, string>> Matches { get; } = [];
    /// <summary>How many of the newest entries to show; null for all.</summary>
    public int? Lines { get; set; }
    /// <summary>
    /// <c>-n all</c> was given: unlike no <c>-n</c>, this keeps <c>-f</c> from starting with only 10 entries.
    /// </summary>
    public bool AllLines { get; set; }
    public bool Follow { get; set; }
    public OutputMode Output { get; set; } = OutputMode.Short;
    public long? SinceUsec { get; set; }
    public long? UntilUsec { get; set; }
    public int MinPriority { get; set; }
    public int MaxPriority { get; set; } = 7;
    /// <summary><c>-b</c>: null for all boots, "0"/"" for the current one, an offset or a boot id otherwise.</summary>
    public string? Boot { get; set; }
    public bool Reverse { get; set; }
    public bool Quiet { get; set; }
    public bool NoHostname { get; set; }
    public bool All { get; set; }
    public bool Utc { get; set; }
    public bool Kernel { get; set; }
    public bool Help { get; set; }
    /// <summary>
    /// A journal maintenance verb (<c>--flush</c>, <c>--sync</c>, <c>--rotate</c>, <c>--relinquish-var</c>,
    /// <c>--smart-relinquish-var</c>) that systemd-journal-flush.service and friends run: the file journal writes
    /// straight to /var/log/journal, so each is done as soon as asked.
    /// </summary>
    public string? Maintenance { get; set; }
    public bool Version { get; set; }
}
