using System.Buffers;
using System.Text.Json;
using Platform.Abstractions;

namespace Platform.StatusStores;

/// <summary>
/// Writes a <see cref="UnitStatus"/> as one JSON object with Utf8JsonWriter: no reflection and no serializer
/// metadata to build, which keeps a short-lived systemctl process cheap. Property names are the C# names.
/// </summary>
internal static class UnitStatusJsonWriter
{
    public static byte[] ToUtf8(UnitStatus s)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("Unit"u8, s.Unit);
            w.WriteString("ActiveState"u8, ActiveStateWords.ToWord(s.ActiveState));
            w.WriteString("SubState"u8, s.SubState);
            w.WriteString("Result"u8, s.Result);
            w.WriteNumber("MainPid"u8, s.MainPid);
            w.WriteNumber("MainPidStartTime"u8, s.MainPidStartTime);
            w.WriteNumber("ControlPid"u8, s.ControlPid);
            w.WriteNumber("ExecMainPid"u8, s.ExecMainPid);
            w.WriteNumber("ExecMainCode"u8, s.ExecMainCode);
            w.WriteNumber("ExecMainStatus"u8, s.ExecMainStatus);
            w.WriteNumber("ExecMainStartTimestamp"u8, s.ExecMainStartTimestamp);
            w.WriteNumber("ExecMainExitTimestamp"u8, s.ExecMainExitTimestamp);
            w.WriteNumber("ActiveEnterTimestamp"u8, s.ActiveEnterTimestamp);
            w.WriteNumber("ActiveExitTimestamp"u8, s.ActiveExitTimestamp);
            w.WriteNumber("InactiveExitTimestamp"u8, s.InactiveExitTimestamp);
            w.WriteNumber("InactiveEnterTimestamp"u8, s.InactiveEnterTimestamp);
            w.WriteNumber("StateChangeTimestamp"u8, s.StateChangeTimestamp);
            w.WriteString("StatusText"u8, s.StatusText);
            w.WriteNumber("StatusErrno"u8, s.StatusErrno);
            w.WriteNumber("NRestarts"u8, s.NRestarts);
            w.WriteString("NotifySocket"u8, s.NotifySocket);
            w.WriteString("BootId"u8, s.BootId);
            w.WriteString("InvocationId"u8, s.InvocationId);
            w.WriteStartObject("Extra"u8);
            if (s.Extra is not null)
                foreach (var pair in s.Extra)
                    w.WriteString(pair.Key, pair.Value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        // A trailing newline keeps `cat` output tidy; readers skip whitespace.
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
