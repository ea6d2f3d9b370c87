using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Host.Journal;
using Platform.Host.Output;
using Platform.Journal;
using Platform.Notify;

namespace Platform.Host;

/// <summary>Entry points of the companion tools that share this binary.</summary>
internal static class Entry
{
    /// <summary>
    /// journalctl: opens the root's <c>file</c> log reader (its <c>LogSink.file.*</c> settings applied) and prints as
    /// systemd's journalctl does. SIGINT and SIGTERM end <c>-f</c> cleanly with everything printed so far flushed.
    /// </summary>
    public static int Journalctl(string[] args)
    {
        // --flush, --sync and friends need no reader: the file journal is always written through to /var/log/journal.
        if (JournalctlCommand.IsMaintenance(args)) return 0;
        var root = JournalctlCommand.ExtractRoot(args);
        var stderr = DescriptorStream.Writer(2);
        if (JournalAccessCheck.Check(root, args, stderr) is { } denied) return denied;
        using var reader = JournalReaderFactory.Open(root, message => stderr.WriteLine(message));
        if (reader is null) return 1;
        using var cancel = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT,
            c => { c.Cancel = true; cancel.Cancel(); });
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM,
            c => { c.Cancel = true; cancel.Cancel(); });
        if (args.Contains("--verify"))
            return reader is ILogReaderHealth verifier && verifier.Verify(stderr.WriteLine) ? 0 : 1;
        using var stdout = new DescriptorStream(1);
        var code = JournalctlCommand.Run(args, reader, stdout, stderr, cancel.Token);
        // Damaged records cost only themselves, but the reader must hear of them and a script must see it.
        if (reader is ILogReaderHealth { Damaged.Count: > 0 } health)
        {
            foreach (var (file, stretches) in health.Damaged)
                stderr.WriteLine(
                    $"Journal file {file} is corrupted: {stretches} damaged part(s) skipped. Check it with journalctl "
                    + $"--verify.");
            if (code == 0) code = 1;
        }
        return code;
    }

    /// <summary>systemd-notify: one sd_notify datagram to <c>$NOTIFY_SOCKET</c>; loads no plugins.</summary>
    public static int SystemdNotify(string[] args)
        => SystemdNotifyCommand.Run(args, DescriptorStream.Writer(1), DescriptorStream.Writer(2));
}
