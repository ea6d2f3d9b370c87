using Platform.Abstractions;

namespace Platform.Journal;

/// <summary>
/// Opens the configured log sinks for a pump: one that cannot work is reported once and left out; a sink's repeated
/// warning is passed on once.
/// </summary>
internal static class LogSinkOpener
{
    /// <summary>
    /// Calls <see cref="ILogSink.Open"/> on each sink with its settings (<paramref name="settingsFor"/> gets the
    /// export name and returns the keys of <c>LogSink.NAME.*</c> without that prefix). Sinks that return false or
    /// throw are disposed and skipped; the rest are returned in order.
    /// </summary>
    public static IReadOnlyList<ILogSink> OpenAll(IEnumerable<KeyValuePair<string, ILogSink>> sinks, string root,
        Func<string, IReadOnlyDictionary<string, string>> settingsFor, Action<string> warn)
    {
        var opened = new List<ILogSink>();
        foreach (var (name, sink) in sinks)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            void WarnOnce(string message)
            {
                lock (reported)
                    if (!reported.Add(message)) return;
                warn(message);
            }
            bool ok;
            try { ok = sink.Open(new LogSinkContext(root, settingsFor(name), WarnOnce)); }
            catch (Exception e)
            {
                WarnOnce($"log sink {name}: {ErrorText.Describe(e)}");
                ok = false;
            }
            if (ok) opened.Add(sink);
            else
            {
                if (reported.Count == 0) warn($"log sink {name} could not be opened; skipped");
                try { sink.Dispose(); }
                catch (Exception) { }
            }
        }
        return opened;
    }
}
