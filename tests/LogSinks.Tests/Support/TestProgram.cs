using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Fifo;
using Platform.LogSinks.FileJournal;
using Platform.LogSinks.Journald;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// Helper modes for cross-process tests: <c>__journald</c> (the detached pump with a file sink, plus a fifo sink
/// with <c>--fifo=PATH</c>), <c>__spawn</c> (connect streams, start a service, exit at once) and
/// <c>__journald-send</c> (send the probe records to a real journald); anything else runs the tests (xunit.v3's
/// in-process runner, as its generated entry point would).
/// </summary>
public static class TestProgram
{
    public static int Main(string[] args)
    {
        return args.FirstOrDefault() switch
        {
            "__journald" => JournalDaemon.Run(args[1..], OpenSinks(args)),
            "__spawn" => Spawn(args[1..]),
            "__journald-send" => SendProbes(),
            _ => Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult(),
        };
    }

    private static Func<string, Action<string>, IReadOnlyList<ILogSink>> OpenSinks(string[] args) => (root, warn) =>
    {
        var sinks = new List<KeyValuePair<string, ILogSink>> { new("file", new FileLogSink()) };
        var fifo = args.FirstOrDefault(a => a.StartsWith("--fifo=", StringComparison.Ordinal));
        if (fifo is not null) sinks.Add(new("fifo", new FifoLogSink()));
        return LogSinkOpener.OpenAll(sinks, root,
            name => name == "fifo" ? new Dictionary<string, string> { ["Path"] = fifo![7..] }
                : new Dictionary<string, string>(), warn);
    };

    /// <summary>
    /// <c>__spawn ROOT UNIT PUMP-ARGS... -- COMMAND...</c>: prints the service's PID and exits without waiting.
    /// </summary>
    private static int Spawn(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        var root = args[0];
        var unit = args[1];
        string[]? pump = separator > 2 ? args[2..separator] : null;
        var command = args[(separator + 1)..];
        using var stdout = JournalStreamClient.Connect(root,
            new JournalStreamHeader(unit, Path.GetFileName(command[0]), "stdout", 6), pump is not null, pump);
        using var stderr = JournalStreamClient.Connect(root,
            new JournalStreamHeader(unit, Path.GetFileName(command[0]), "stderr", 3), false);
        var pid = ServiceSpawner.Spawn(command, (int)stdout.DangerousGetHandle(), (int)stderr.DangerousGetHandle());
        Console.WriteLine(pid);
        return 0;
    }

    private static int SendProbes()
    {
        var sink = new JournaldLogSink();
        sink.Open(new LogSinkContext("/", new Dictionary<string, string>(), m => Console.Error.WriteLine(m)));
        foreach (var record in JournaldProbe.Records()) sink.Write(record);
        sink.Flush();
        sink.Dispose();
        Console.WriteLine($"sent {sink.Sent} dropped {sink.Dropped}");
        return sink.Dropped == 0 ? 0 : 1;
    }
}
