using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Platform.Abstractions;
using Platform.Journal;

namespace Platform.LogSinks.Journald;

/// <summary>
/// Encodes a record in journald's native protocol: <c>NAME=value\n</c> per field, or <c>NAME\n</c>, a 64-bit
/// little-endian length, the raw bytes and <c>\n</c> for values with a newline or bytes that are not UTF-8.
/// journald refuses fields starting with <c>_</c> from clients, so the unit goes in <c>OBJECT_SYSTEMD_UNIT</c>,
/// which <c>journalctl -u</c> matches for messages from root; the service's PID goes in <c>SYSLOG_PID</c>.
/// </summary>
internal static class NativeEntryBuilder
{
    public static void Build(ByteBuffer output, LogRecord record)
    {
        output.Clear();
        Field(output, "MESSAGE"u8, record.Message);
        Text(output, "PRIORITY"u8, ((char)('0' + Math.Clamp(record.Priority, 0, 7))).ToString());
        if (!string.IsNullOrEmpty(record.Identifier)) Text(output, "SYSLOG_IDENTIFIER"u8, record.Identifier);
        if (record.Pid > 0)
            Text(output, "SYSLOG_PID"u8, record.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text(output, "OBJECT_SYSTEMD_UNIT"u8, record.Unit);
        if (record.Fields is null) return;
        foreach (var (name, value) in record.Fields)
            if (IsClientField(name) && name is not ("MESSAGE" or "PRIORITY" or "SYSLOG_IDENTIFIER" or "SYSLOG_PID"
                or "OBJECT_SYSTEMD_UNIT"))
                Text(output, Encoding.ASCII.GetBytes(name), value);
    }

    /// <summary>
    /// Names journald accepts from clients: A-Z, 0-9 and _, not starting with _ or a digit, at most 64 long.
    /// </summary>
    public static bool IsClientField(string name)
    {
        if (name.Length is 0 or > 64 || name[0] == '_' || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')) return false;
        return true;
    }

    private static void Text(ByteBuffer output, ReadOnlySpan<byte> name, string value)
        => Field(output, name, Encoding.UTF8.GetBytes(value));

    private static void Field(ByteBuffer output, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        output.Append(name);
        if (value.IndexOf((byte)'\n') < 0 && Utf8.IsValid(value))
        {
            output.Append((byte)'=');
            output.Append(value);
        }
        else
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)value.Length);
            output.Append((byte)'\n');
            output.Append(length);
            output.Append(value);
        }
        output.Append((byte)'\n');
    }
}
