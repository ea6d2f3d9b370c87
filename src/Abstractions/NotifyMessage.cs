using System.Globalization;
using System.Text;

namespace Platform.Abstractions;

/// <summary>One sd_notify(3) datagram: its <c>KEY=VALUE</c> lines and who sent it.</summary>
public sealed class NotifyMessage
{
    /// <summary>Creates a message from parsed fields and the sender's credentials (-1 when unknown).</summary>
    public NotifyMessage(IReadOnlyList<KeyValuePair<string, string>> fields, int senderPid = -1, int senderUid = -1,
        int senderGid = -1)
    {
        Fields = fields;
        SenderPid = senderPid;
        SenderUid = senderUid;
        SenderGid = senderGid;
    }

    /// <summary>The assignments in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }
    /// <summary>The sending process (SCM_CREDENTIALS), or -1.</summary>
    public int SenderPid { get; }
    /// <summary>The sender's user id, or -1.</summary>
    public int SenderUid { get; }
    /// <summary>The sender's group id, or -1.</summary>
    public int SenderGid { get; }

    /// <summary>The last value sent for <paramref name="key"/>, or null.</summary>
    public string? this[string key]
    {
        get
        {
            for (var i = Fields.Count - 1; i >= 0; i--)
                if (Fields[i].Key == key) return Fields[i].Value;
            return null;
        }
    }

    /// <summary><c>READY=1</c>: start-up (or a reload) finished.</summary>
    public bool Ready => this["READY"] == "1";
    /// <summary><c>RELOADING=1</c>: a reload began.</summary>
    public bool Reloading => this["RELOADING"] == "1";
    /// <summary><c>STOPPING=1</c>: the service is shutting down.</summary>
    public bool Stopping => this["STOPPING"] == "1";
    /// <summary><c>WATCHDOG=1</c>: a keep-alive ping.</summary>
    public bool Watchdog => this["WATCHDOG"] == "1";
    /// <summary><c>WATCHDOG=trigger</c>: the service asks to be treated as hung.</summary>
    public bool WatchdogTrigger => this["WATCHDOG"] == "trigger";
    /// <summary><c>STATUS=</c> text.</summary>
    public string? Status => this["STATUS"];
    /// <summary><c>MAINPID=</c>, when valid.</summary>
    public int? MainPid =>
        int.TryParse(this["MAINPID"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
    /// <summary><c>ERRNO=</c>, when valid.</summary>
    public int? Errno =>
        int.TryParse(this["ERRNO"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    /// <summary><c>EXTEND_TIMEOUT_USEC=</c>, when valid.</summary>
    public long? ExtendTimeoutUsec =>
        long.TryParse(this["EXTEND_TIMEOUT_USEC"], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
        ? v : null;

    /// <summary>
    /// Parses a datagram: newline-separated <c>KEY=VALUE</c> lines; lines without <c>=</c> are ignored.
    /// </summary>
    public static NotifyMessage Parse(ReadOnlySpan<byte> datagram, int senderPid = -1, int senderUid = -1,
        int senderGid = -1)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in Encoding.UTF8.GetString(datagram).Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            fields.Add(new(line[..eq], line[(eq + 1)..]));
        }
        return new NotifyMessage(fields, senderPid, senderUid, senderGid);
    }
}
