using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Host.Journal;
using Platform.Host.Notify;

namespace Platform.Host;

/// <summary>Entry points of the companion tools that share this binary.</summary>
internal static class Entry
{
    /// <summary>
    /// journalctl: opens the root's file log sink read-only (its <c>LogSink.file.*</c> settings applied) and prints as
    /// systemd's journalctl does. SIGINT and SIGTERM end <c>-f</c> cleanly with everything printed so far flushed.
    /// </summary>
    public static int Journalctl(string[] args)
    {
        // --flush, --sync and friends need no reader: the file journal is always written through to /var/log/journal.
        if (JournalctlCommand.IsMaintenance(args)) return 0;
        var root = JournalctlCommand.ExtractRoot(args);
        using var sink = JournalReaderFactory.Open(root, message => Console.Error.WriteLine(message));
        if (sink is null) return 1;
        using var cancel = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; cancel.Cancel(); });
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });
        using var stdout = Console.OpenStandardOutput();
        return JournalctlCommand.Run(args, (ILogReader)sink, stdout, Console.Error, cancel.Token);
    }

    /// <summary>systemd-notify: one sd_notify datagram to <c>$NOTIFY_SOCKET</c>; loads no plugins.</summary>
    public static int SystemdNotify(string[] args) => SystemdNotifyCommand.Run(args, Console.Out, Console.Error);
}
