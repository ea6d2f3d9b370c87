namespace Platform.Host.Cli;

/// <summary>
/// One systemctl option: its names, whether it takes a value, the help line, and what it does. An option systemd
/// 252 accepts that cannot work without a daemon carries <see cref="Refusal"/>, the one line it fails with.
/// </summary>
internal sealed record OptionSpec(string? Long, char Short, OptionValue Value, string Help,
    Action<CommandLineOptions, string>? Apply,
    string? Refusal = null, string? ValueName = null, bool Hidden = false);
