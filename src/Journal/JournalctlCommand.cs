using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Journal.Journalctl;

namespace Platform.Journal;

/// <summary>
/// <c>journalctl</c> over an <see cref="ILogReader"/> (the file sink): <c>-u UNIT</c> (repeatable, globs, no type
/// means .service), <c>-t ID</c>, <c>FIELD=VALUE</c> matches, <c>-n N</c>, <c>-f</c>, <c>-o FORMAT</c>
/// (short, short-iso, short-iso-precise, short-precise, short-unix, short-monotonic, cat, json, json-pretty,
/// json-sse, json-seq, export), <c>-S/--since</c>, <c>-U/--until</c>, <c>-p PRIO|FROM..TO</c>, <c>-b [ID|OFFSET]</c>,
/// <c>-r</c>, <c>-q</c>, <c>-a</c>, <c>--no-hostname</c>, <c>--utc</c>; <c>--no-pager</c>, <c>-x</c>, <c>-l</c>,
/// <c>-m</c> are accepted and ignored, <c>--root</c> is skipped here (see <see cref="ExtractRoot"/>).
/// Output and exit codes follow systemd 252's journalctl.
/// </summary>
internal static class JournalctlCommand
{
    /// <summary>Runs journalctl writing to a byte stream (exact bytes: use this for standard output).</summary>
    public static int Run(string[] args, ILogReader reader, Stream stdout, TextWriter stderr,
        CancellationToken cancel = default)
    {
        // Not disposed: that would close the caller's stream; every path flushes before returning.
        var buffered = new BufferedStream(stdout, 64 * 1024);
        return Run(args, reader, new OutputTarget(buffered), stderr, cancel);
    }

    /// <summary>Runs journalctl writing text (binary message bytes are decoded as UTF-8).</summary>
    public static int Run(string[] args, ILogReader reader, TextWriter stdout, TextWriter stderr,
        CancellationToken cancel = default)
        => Run(args, reader, new OutputTarget(stdout), stderr, cancel);

    /// <summary>
    /// Whether the arguments ask only for a maintenance verb (<see cref="JournalctlOptions.Maintenance"/>).
    /// </summary>
    public static bool IsMaintenance(string[] args) =>
        JournalctlParser.Parse(args, DateTime.UtcNow, out _) is { Maintenance: not null };

    /// <summary>
    /// The <c>--root=DIR</c>/<c>--root DIR</c> value (default <c>/</c>), for opening the reader before
    /// <see cref="Run(string[],ILogReader,Stream,TextWriter,CancellationToken)"/>.
    /// </summary>
    public static string ExtractRoot(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--root=", StringComparison.Ordinal)) return args[i][7..];
            if (args[i] == "--root" && i + 1 < args.Count) return args[i + 1];
        }
        return "/";
    }

    private static int Run(string[] args, ILogReader reader, OutputTarget stdout, TextWriter stderr,
        CancellationToken cancel)
    {
        var options = JournalctlParser.Parse(args, DateTime.UtcNow, out var error);
        if (options is null)
        {
            stderr.WriteLine(error);
            return 1;
        }
        if (options.Help)
        {
            stdout.Write(Usage);
            stdout.Flush();
            return 0;
        }
        if (options.Maintenance is not null) return 0;
        if (options.Version)
        {
            stdout.Write("journalctl (Platform " + typeof(JournalctlCommand).Assembly.GetName().Version?.ToString(3)
                + ")\n");
            stdout.Flush();
            return 0;
        }
        var session = new JournalctlSession(options, reader, stdout);
        try
        {
            if (!options.Follow) return session.Show();
            if (cancel.CanBeCanceled) return session.Follow(cancel);
            using var stop = new CancellationTokenSource();
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM,
                c => { c.Cancel = true; stop.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT,
                c => { c.Cancel = true; stop.Cancel(); });
            return session.Follow(stop.Token);
        }
        catch (IOException)
        {
            // The reader of our output went away (journalctl -f | head): nothing more to do.
            return 0;
        }
    }

    private const string Usage = """
        journalctl [OPTIONS...] [MATCHES...]

        Query the journal.

          -u --unit=UNIT             Show logs from the specified unit
          -t --identifier=STRING     Show entries with the specified syslog identifier
          -p --priority=RANGE        Show entries with the specified priority
          -S --since=DATE            Show entries not older than the specified date
          -U --until=DATE            Show entries not newer than the specified date
          -b --boot[=ID]             Show current boot or the specified boot
          -n --lines[=INTEGER]       Number of journal entries to show
          -f --follow                Follow the journal
          -r --reverse               Show the newest entries first
          -o --output=STRING         Change journal output mode (short, short-precise, short-iso,
                                     short-iso-precise, short-unix, short-monotonic, cat, json,
                                     json-pretty, json-sse, json-seq, export)
             --no-hostname           Suppress output of hostname field
             --utc                   Express time in Coordinated Universal Time (UTC)
          -a --all                   Show all fields, including long and unprintable
          -q --quiet                 Do not show info messages and privilege warning
             --no-pager              Do not pipe output into a pager
             --root=ROOT             Operate on files below a root directory
             --verify                Verify journal file consistency

        """;
}
