using Platform.Interop;

namespace Platform.Journal.Pump;

/// <summary>
/// What the pump believes of a stream's header. The socket is open to every local user (services of any user log
/// through it), so a header is only taken as said when root or the pump's own user connected the stream: that is the
/// manager handing the stream to a service it started. Anyone else gets what the kernel proves: the unit their
/// connecting process belongs to by the manager's records, or no unit at all (then the record is filed under its
/// <c>_UID</c>), never the unit, invocation or slice they claim. journald does the same with the writer's cgroup.
/// </summary>
internal readonly record struct StreamTrust(bool Trusted, string? ProvenUnit, PeerCredentials Connector)
{
    private static readonly uint s_ownUid = LibC.geteuid();

    /// <summary>Judges the connection <paramref name="fd"/> by its SO_PEERCRED.</summary>
    public static StreamTrust Judge(int fd, Func<int, string?>? unitOfPid)
    {
        var peer = PeerCredentials.OfConnection(fd);
        if (peer.Uid == 0 || (peer.Uid >= 0 && (uint)peer.Uid == s_ownUid)) return new StreamTrust(true, null, peer);
        string? unit = null;
        if (peer.Pid > 0 && unitOfPid is not null)
        {
            try { unit = unitOfPid(peer.Pid); }
            // Whatever keeps the records from being read (an untrusted status folder too) leaves the stream unit-less.
            catch (Exception) { unit = null; }
        }
        return new StreamTrust(false, unit, peer);
    }

    /// <summary>The header the records are written under.</summary>
    public JournalStreamHeader Apply(JournalStreamHeader claimed)
        => Trusted ? claimed : claimed with { Unit = ProvenUnit ?? "", InvocationId = null, Slice = null };
}
