namespace Platform.Host.Cli;

/// <summary>Everything given on the command line, options and positionals alike.</summary>
internal sealed class CommandLineOptions
{
    public string? Command { get; set; }
    public List<string> Arguments { get; } = [];
    public string Root { get; set; } = "/";
    public bool UserMode { get; set; }
    public bool All { get; set; }
    /// <summary><c>--show-types</c>: list-sockets adds a TYPE column.</summary>
    public bool ShowTypes { get; set; }
    public List<string> Types { get; } = [];
    public List<string> States { get; } = [];
    public List<string> Properties { get; } = [];
    public bool ValueOnly { get; set; }
    public bool Full { get; set; }
    public bool NoLegend { get; set; }
    public bool Quiet { get; set; }
    public bool Now { get; set; }
    public bool Force { get; set; }
    public bool Runtime { get; set; }
    public int? Lines { get; set; }
    public string? Output { get; set; }
    public string PresetMode { get; set; } = "full";
    public int Verbosity { get; set; }
    public List<string> ConfigOverrides { get; } = [];
    public bool Init { get; set; }
    public bool ExitWhenIdle { get; set; }
    public bool ShowVersion { get; set; }
    public bool ShowHelp { get; set; }
    public string? Signal { get; set; }
    public string KillWhom { get; set; } = "all";
    public List<string> What { get; } = [];
    public bool Reverse { get; set; }
    public bool Before { get; set; }
    public bool After { get; set; }
    public bool Recursive { get; set; }
    public bool Plain { get; set; }
    public bool Global { get; set; }
    public bool DryRun { get; set; }
    public bool Wait { get; set; }
    public bool NoBlock { get; set; }
    public string JobMode { get; set; } = "replace";
}
