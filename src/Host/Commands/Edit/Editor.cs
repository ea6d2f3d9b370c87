using System.ComponentModel;
using System.Diagnostics;

namespace Platform.Host.Commands.Edit;

/// <summary>
/// Runs the editor as systemd 252 does: <c>$SYSTEMD_EDITOR</c>, else <c>$EDITOR</c>, else <c>$VISUAL</c> (split at
/// whitespace, so it may carry options), then <c>editor</c>, <c>nano</c>, <c>vim</c>, <c>vi</c> from <c>PATH</c>; with
/// the terminal, so an interactive editor works, and without one, so a script can drive it.
/// </summary>
internal static class Editor
{
    private static readonly string[] Fallbacks = ["editor", "nano", "vim", "vi"];

    /// <summary>
    /// The editor's exit status, or 1 after <paramref name="err"/> said that no editor could be run (systemd's child
    /// does the same).
    /// </summary>
    public static int Run(IReadOnlyList<string> files, TextWriter err)
    {
        var configured = Environment.GetEnvironmentVariable("SYSTEMD_EDITOR")
            ?? Environment.GetEnvironmentVariable("EDITOR")
            ?? Environment.GetEnvironmentVariable("VISUAL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var words = configured.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (TryRun(words[0], [.. words[1..], .. files]) is { } status) return status;
        }
        // systemd's child falls through to the list when the configured editor cannot be executed.
        foreach (var name in Fallbacks)
            if (TryRun(name, files) is { } status) return status;
        err.WriteLine("Cannot edit units, no editor available. Please set either $SYSTEMD_EDITOR, $EDITOR or $VISUAL.");
        return 1;
    }

    private static int? TryRun(string program, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(psi)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
