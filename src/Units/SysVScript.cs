using System.Text;

namespace Platform.Units;

/// <summary>
/// Turns an <c>/etc/init.d</c> script into the unit text systemd-sysv-generator(8) writes for it: a forking service
/// that runs <c>SCRIPT start</c>/<c>SCRIPT stop</c>, with ordering taken from the LSB header.
/// </summary>
public static class SysVScript
{
    private static readonly string[] BackupSuffixes =
        ["~", ".dpkg-old", ".dpkg-new", ".dpkg-dist", ".dpkg-bak", ".dpkg-tmp", ".rpmnew", ".rpmsave", ".rpmorig",
            ".swp", ".bak", ".old", ".new", ".orig", ".ucf-old", ".ucf-new", ".ucf-dist"];

    /// <summary>
    /// The service name a script file name gives (<c>x</c> or <c>x.sh</c> → <c>x.service</c>), or null for hidden or
    /// backup files.
    /// </summary>
    public static string? ServiceName(string fileName)
    {
        if (fileName.Length == 0 || fileName[0] == '.') return null;
        foreach (var s in BackupSuffixes)
            if (fileName.EndsWith(s, StringComparison.Ordinal)) return null;
        var bare = fileName.EndsWith(".sh", StringComparison.Ordinal) ? fileName[..^3] : fileName;
        var name = bare + ".service";
        return UnitNames.IsValid(name) && !UnitNames.IsInstance(name) && !UnitNames.IsTemplate(name) ? name : null;
    }

    /// <summary>
    /// The LSB header fields (<c>Provides</c>, <c>Required-Start</c>, ...) of a script; empty when it has none.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadHeader(string scriptText)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inside = false;
        string? last = null;
        foreach (var raw in scriptText.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!inside) { inside = line.StartsWith("### BEGIN INIT INFO", StringComparison.Ordinal); continue; }
            if (line.StartsWith("### END INIT INFO", StringComparison.Ordinal)) break;
            if (!line.StartsWith('#')) continue;
            var body = line[1..];
            var colon = body.IndexOf(':');
            var continuation = body.StartsWith('\t') || body.StartsWith("  ", StringComparison.Ordinal);
            if (continuation && last is not null)
            {
                fields[last] = (fields[last] + " " + body.Trim()).Trim();
                continue;
            }
            if (colon <= 0) continue;
            last = body[..colon].Trim();
            fields[last] = body[(colon + 1)..].Trim();
        }
        return fields;
    }

    /// <summary>
    /// The unit text for a script at <paramref name="scriptInRoot"/>; <paramref name="enabled"/> says whether an
    /// <c>/etc/rc[2-5].d/S*</c> link starts it (it is then ordered before <c>multi-user.target</c>).
    /// </summary>
    public static string UnitText(string scriptInRoot, string scriptText, bool enabled, string? executable = null)
    {
        // Under --root the script found inside the root is the one that runs, not the host's file of that name.
        executable ??= scriptInRoot;
        var header = ReadHeader(scriptText);
        var sb = new StringBuilder();
        sb.Append("[Unit]\nDocumentation=man:systemd-sysv-generator(8)\nSourcePath=").Append(scriptInRoot).Append('\n');
        var description = header.GetValueOrDefault("Short-Description") ?? header.GetValueOrDefault("Description");
        if (!string.IsNullOrEmpty(description)) sb.Append("Description=LSB: ").Append(description).Append('\n');
        if (enabled) sb.Append("Before=multi-user.target\n");
        foreach (var name in Names(header.GetValueOrDefault("X-Start-Before"), out _))
            sb.Append("Before=").Append(name).Append('\n');
        var wantsNetwork = false;
        foreach (var key in (string[])["Required-Start", "Should-Start"])
        {
            var names = Names(header.GetValueOrDefault(key), out var network);
            foreach (var name in names) sb.Append("After=").Append(name).Append('\n');
            wantsNetwork |= network;
        }
        if (wantsNetwork) sb.Append("Wants=network-online.target\n");
        sb.Append("\n[Service]\nType=forking\nRestart=no\nTimeoutSec=5min\nIgnoreSIGPIPE=no\nKillMode=process\n"
            + "GuessMainPID=no\nRemainAfterExit=yes\n");
        if (header.Count > 0) sb.Append("SuccessExitStatus=5 6\n");
        sb.Append("ExecStart=").Append(executable).Append(" start\n");
        sb.Append("ExecStop=").Append(executable).Append(" stop\n");
        return sb.ToString();
    }

    /// <summary>
    /// Unit names for an LSB dependency list: <c>$network</c> → <c>network-online.target</c>, plain names →
    /// <c>NAME.service</c>.
    /// </summary>
    internal static IEnumerable<string> Names(string? list, out bool network)
    {
        network = false;
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(list)) return result;
        foreach (var word in list.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = word switch
            {
                "$network" => "network-online.target",
                "$remote_fs" => "remote-fs.target",
                "$named" => "nss-lookup.target",
                "$time" => "time-sync.target",
                "$portmap" => "rpcbind.target",
                _ when word.StartsWith("$x-", StringComparison.Ordinal) => word[1..] + ".target",
                _ when word.StartsWith('$') => null,
                _ => UnitNames.TypeOf(word) is null ? word + ".service" : word,
            };
            if (word == "$network") network = true;
            if (name is not null && UnitNames.IsValid(name) && !result.Contains(name)) result.Add(name);
        }
        return result;
    }
}
