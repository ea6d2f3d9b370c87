using System.Buffers.Binary;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// Splits Docker's multiplexed attach/logs/exec stream: frames of an 8-byte header (stream type 1 = stdout,
/// 2 = stderr, three zero bytes, big-endian payload length) followed by the payload.
/// </summary>
internal static class MultiplexedStream
{
    public static async Task<(string Stdout, string Stderr)> ReadToEndAsync(Stream stream, CancellationToken ct)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var header = new byte[8];
        var buffer = new byte[81920];
        while (true)
        {
            var got = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            if (got == 0) break;
            if (got < header.Length || header[0] > 2 || header[1] != 0 || header[2] != 0 || header[3] != 0)
            {
                // Not framed (a TTY stream): everything is plain output.
                stdout.Write(header, 0, got);
                await stream.CopyToAsync(stdout, ct).ConfigureAwait(false);
                break;
            }
            var target = header[0] == 2 ? stderr : stdout;
            var remaining = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            while (remaining > 0)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), ct).ConfigureAwait(false);
                if (n == 0) throw new EndOfStreamException("docker stream ended inside a frame");
                target.Write(buffer, 0, n);
                remaining -= (uint)n;
            }
        }
        // Decoded only at the end so a multi-byte character split across frames stays intact.
        return (Decode(stdout), Decode(stderr));
    }

    private static string Decode(MemoryStream bytes) => Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
}
