namespace Platform.Host.Cli;

/// <summary>What every command works with: the parsed options, the root, and the output streams.</summary>
internal sealed class HostContext
{
    public HostContext(CommandLineOptions options, TextWriter stdout, TextWriter stderr)
    {
        Options = options;
        Out = stdout;
        Err = stderr;
        Root = NormalizeRoot(options.Root);
    }

    public CommandLineOptions Options { get; }
    public TextWriter Out { get; }
    public TextWriter Err { get; }

    /// <summary>The root folder without a trailing slash; empty for the real root, so <c>Root + "/etc"</c> works for both.</summary>
    public string Root { get; }

    /// <summary>Maps an absolute path inside the managed system to the real file system.</summary>
    public string Under(string absolutePath) => Root + absolutePath;

    /// <summary>Prints a warning line to stderr (unless quiet applies to warnings: systemd prints them regardless).</summary>
    public void Warn(string message) => Err.WriteLine(message);

    private static string NormalizeRoot(string root)
    {
        if (string.IsNullOrEmpty(root)) return "";
        var full = Path.GetFullPath(root).TrimEnd('/');
        return full;
    }
}
