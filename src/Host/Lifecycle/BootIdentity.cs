using System.Globalization;
using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Names the current boot so status records of an earlier incarnation (a container restarted from an image)
/// are never trusted. The kernel's boot id alone is shared by every container on a host, so the start time
/// of this PID namespace's PID 1 is added: a restarted container gets a new one.
/// </summary>
internal static class BootIdentity
{
    public static string Current()
    {
        var bootId = KernelBootId.Text is { Length: > 0 } text ? text : "unknown";
        var init = ReadTrimmed("/proc/1/stat");
        return init is null ? bootId : bootId + "-" + StartTimeField(init);
    }

    /// <summary>
    /// Field 22 (starttime) of a /proc/PID/stat line; the command name may contain spaces and parentheses.
    /// </summary>
    public static string StartTimeField(string statLine)
    {
        var close = statLine.LastIndexOf(')');
        var fields = statLine[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state), so starttime (field 22) is fields[19].
        return fields.Length > 19 ? fields[19] : "0";
    }

    public static ulong StartTimeTicks(string statLine)
        => ulong.TryParse(StartTimeField(statLine), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string? ReadTrimmed(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
