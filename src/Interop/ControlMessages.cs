using System.Buffers.Binary;

namespace Platform.Interop;

/// <summary>
/// The ancillary data of sendmsg/recvmsg as CMSG_FIRSTHDR/CMSG_NXTHDR/CMSG_SPACE lay it out on 64-bit Linux: each
/// message is a 16-byte struct cmsghdr (size_t len, int level, int type), its data, then padding to 8 bytes.
/// </summary>
internal static class ControlMessages
{
    public const int HeaderSize = 16;

    /// <summary>CMSG_ALIGN.</summary>
    public static int Align(int length) => (length + 7) & ~7;

    /// <summary>CMSG_SPACE: the bytes one message with <paramref name="dataLength"/> bytes of data takes.</summary>
    public static int Space(int dataLength) => HeaderSize + Align(dataLength);

    /// <summary>
    /// Writes one message at the start of <paramref name="buffer"/>; returns its <see cref="Space"/>.
    /// </summary>
    public static int Write(Span<byte> buffer, int level, int type, ReadOnlySpan<byte> data)
    {
        var space = Space(data.Length);
        buffer[..space].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)(HeaderSize + data.Length));
        BinaryPrimitives.WriteInt32LittleEndian(buffer[8..], level);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[12..], type);
        data.CopyTo(buffer[HeaderSize..]);
        return space;
    }

    /// <summary>
    /// The message at <paramref name="offset"/> (advanced past it); false at the end or at a malformed header.
    /// </summary>
    public static bool Next(
        ReadOnlySpan<byte> control, ref int offset, out int level, out int type, out ReadOnlySpan<byte> data)
    {
        level = type = 0;
        data = default;
        if (offset + HeaderSize > control.Length) return false;
        var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(control[offset..]);
        if (length < HeaderSize || offset + length > control.Length) return false;
        level = BinaryPrimitives.ReadInt32LittleEndian(control[(offset + 8)..]);
        type = BinaryPrimitives.ReadInt32LittleEndian(control[(offset + 12)..]);
        data = control.Slice(offset + HeaderSize, (int)length - HeaderSize);
        offset += Align((int)length);
        return true;
    }

    /// <summary>Closes the descriptors an SCM_RIGHTS message carried (they arrive open in our process).</summary>
    public static void CloseDescriptors(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i + 4 <= data.Length; i += 4) LibC.close(BinaryPrimitives.ReadInt32LittleEndian(data[i..]));
    }
}
