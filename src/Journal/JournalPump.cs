using Platform.Abstractions;
using Platform.Journal.Pump;

namespace Platform.Journal;

/// <summary>
/// The log pump: accepts service output streams on a socket (see <see cref="JournalStreamClient"/>), cuts them into
/// lines like journald, and hands the records to the sinks on one writer thread. It owns the read side of every
/// stream, so lines keep arriving after the systemctl that started a service has exited.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification =
        "RunAsync disposes the loop it creates when the reader thread ends; the field only feeds the counters.")]
internal sealed class JournalPump
{
    private readonly IReadOnlyList<ILogSink> _sinks;
    private readonly JournalPumpOptions _options;
    private readonly RecordQueue _queue;
    private readonly Action<string> _warn;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PumpLoop? _loop;
    private SinkDispatcher? _dispatcher;

    /// <summary>A pump over already opened <paramref name="sinks"/> (it does not dispose them).</summary>
    public JournalPump(IReadOnlyList<ILogSink> sinks, JournalPumpOptions? options = null)
    {
        _sinks = sinks;
        _options = options ?? new JournalPumpOptions();
        _queue = new RecordQueue(_options.QueueBytes);
        _warn = _options.Warn ?? LogOwn;
    }

    /// <summary>
    /// Runs a pump over <paramref name="sinks"/> on <paramref name="socketPath"/> until <paramref name="token"/> is
    /// cancelled.
    /// </summary>
    public static Task RunAsync(IReadOnlyList<ILogSink> sinks, string socketPath, CancellationToken token)
        => new JournalPump(sinks).RunAsync(socketPath, token);

    /// <summary>Completes once the socket accepts streams (faults when it could not be bound).</summary>
    public Task Listening => _listening.Task;

    /// <summary>Streams currently open.</summary>
    public int ActiveStreams => _loop?.ActiveStreams ?? 0;

    /// <summary>Streams accepted since start.</summary>
    public long AcceptedStreams => _loop?.AcceptedStreams ?? 0;

    /// <summary>Records handed to the sinks since start.</summary>
    public long Records => _dispatcher?.Records ?? 0;

    /// <summary>
    /// Serves <paramref name="socketPath"/> until cancelled (or idle, see <see cref="JournalPumpOptions.IdleExit"/>);
    /// then ends every stream, lets the sinks write everything and flushes them. Binding replaces a stale socket:
    /// callers that may race another pump hold the pump lock first (<see cref="JournalDaemon"/> does).
    /// </summary>
    public Task RunAsync(string socketPath, CancellationToken token)
    {
        PumpListener listener;
        try
        {
            listener = PumpListener.Bind(socketPath);
            _loop = new PumpLoop(listener, _queue, _options, _warn);
        }
        catch (Exception e)
        {
            _listening.TrySetException(e);
            return Task.FromException(e);
        }
        _dispatcher = new SinkDispatcher(_queue, _sinks, _warn);
        var writer = new Thread(_dispatcher.Run) { Name = "journal-sinks", IsBackground = true };
        writer.Start();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new Thread(() =>
        {
            try
            {
                _listening.TrySetResult();
                _loop.Run(token);
            }
            catch (Exception e)
            {
                _warn($"log pump stopped: {ErrorText.Describe(e)}");
            }
            finally
            {
                listener.Dispose();
                _queue.Complete();
                writer.Join();
                _loop.Dispose();
                done.TrySetResult();
            }
        }) { Name = "journal-pump", IsBackground = true };
        reader.Start();
        return done.Task;
    }

    /// <summary>
    /// Logs a record of the manager itself (e.g. "Started web.service") through the same sinks, in order.
    /// </summary>
    public void Submit(LogRecord record)
    {
        _queue.Add([record], record.Message.Length + RecordQueue.RecordOverhead);
    }

    private void LogOwn(string message) => Submit(JournalDaemon.OwnRecord(message));
}
