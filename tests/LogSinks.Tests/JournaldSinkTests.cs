using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Platform.LogSinks.Journald;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class JournaldSinkTests
{
    [Fact]
    public void WithoutAJournaldSocketTheSinkStaysSilentUntilOneAppears()
    {
        using var root = new TempRoot();
        var warnings = new List<string>();
        using var sink = new JournaldLogSink();
        Assert.True(sink.Open(Sinks.Context(root.Path, warnings, ("Socket", "/run/journal.socket"),
            ("RecheckSeconds", "0"))));
        sink.Write(Records.Make("web.service", "lost while absent"));
        Assert.Empty(warnings);
        Assert.Equal(0, sink.Sent);
        using var journald = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        Directory.CreateDirectory(root.Combine("/run"));
        journald.Bind(new UnixDomainSocketEndPoint(root.Combine("/run/journal.socket")));
        journald.ReceiveTimeout = 10_000;
        sink.Write(Records.Make("web.service", "first\nsecond", priority: 3, pid: 42));
        var buffer = new byte[4096];
        var datagram = buffer.AsSpan(0, journald.Receive(buffer)).ToArray();
        var expected = new MemoryStream();
        expected.Write("MESSAGE\n"u8);
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, 12);
        expected.Write(length);
        expected.Write(
            "first\nsecond\nPRIORITY=3\nSYSLOG_IDENTIFIER=web\nSYSLOG_PID=42\nOBJECT_SYSTEMD_UNIT=web.service\n"u8);
        Assert.Equal(Encoding.Latin1.GetString(expected.ToArray()), Encoding.Latin1.GetString(datagram));
        Helper.WaitUntil(() => sink.Sent == 1, what: "the send to be counted");
        Assert.Empty(warnings);
    }
}
