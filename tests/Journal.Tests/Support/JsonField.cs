using System.Text;
using System.Text.Json;

namespace Platform.Journal.Tests.Support;

/// <summary>
/// Field values of <c>journalctl -o json</c>: strings, or byte arrays for binary data as journald prints them.
/// </summary>
internal static class JsonField
{
    public static string Text(JsonElement entry, string name) => entry.GetProperty(name).GetString()!;

    public static long Number(JsonElement entry, string name) => long.Parse(Text(entry, name));

    public static byte[] Bytes(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return Encoding.UTF8.GetBytes(value.GetString()!);
        var bytes = new byte[value.GetArrayLength()];
        var i = 0;
        foreach (var b in value.EnumerateArray()) bytes[i++] = b.GetByte();
        return bytes;
    }
}
