using System.Globalization;

namespace Platform.Host.Lifecycle.Conditions;

/// <summary>
/// The resource conditions (systemd 252): memory, CPUs, CPU features, cgroup controllers and pressure (PSI).
/// </summary>
internal static class ResourceConditions
{
    private static readonly string[] V2Controllers = ["cpu", "cpuset", "io", "memory", "pids"];
    private static readonly string[] KnownControllers =
        ["cpu", "cpuacct", "cpuset", "io", "blkio", "memory", "devices", "pids", "bpf-firewall", "bpf-devices",
            "bpf-foreign", "bpf-socket-bind", "bpf-restrict-network-interfaces"];

    public static bool? Test(string kind, string value) => kind switch
    {
        "Memory" => Compare(value, PhysicalMemory(), v => TryParseSize(v, out var b) ? b : null),
        "CPUs" => Compare(value, CpusInAffinity(), v =>
            ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null),
        "CPUFeature" => VirtualizationDetector.CpuFlags().Contains(value.ToLowerInvariant()),
        "ControlGroupController" => Controller(value),
        "MemoryPressure" => Pressure("memory", value),
        "CPUPressure" => Pressure("cpu", value),
        "IOPressure" => Pressure("io", value),
        _ => true,
    };

    /// <summary>An optional operator (default <c>&gt;=</c>) and a number, compared with what the machine has.</summary>
    private static bool? Compare(string value, ulong actual, Func<string, ulong?> parse)
    {
        var rest = value;
        var op = VersionOrder.TakeOperator(ref rest) ?? ">=";
        if (parse(rest.Trim()) is not { } wanted) return null;
        return VersionOrder.Test(actual.CompareTo(wanted), op);
    }

    /// <summary>systemd's parse_size(base 1024): a decimal number with an optional B/K/M/G/T/P/E suffix.</summary>
    private static bool TryParseSize(string text, out ulong bytes)
    {
        bytes = 0;
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        if (i == 0 || !decimal.TryParse(text[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
            out var number)) return false;
        var factor = text[i..].Trim() switch
        {
            "" or "B" => 1m,
            "K" => 1024m,
            "M" => 1024m * 1024,
            "G" => 1024m * 1024 * 1024,
            "T" => 1024m * 1024 * 1024 * 1024,
            "P" => 1024m * 1024 * 1024 * 1024 * 1024,
            "E" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ => -1m,
        };
        if (factor < 0 || number * factor > ulong.MaxValue) return false;
        bytes = (ulong)(number * factor);
        return true;
    }

    /// <summary>MemTotal, lowered by a memory limit on our cgroup (systemd's physical_memory()).</summary>
    private static ulong PhysicalMemory()
    {
        ulong total = 0;
        foreach (var line in File.ReadLines("/proc/meminfo"))
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                total = ulong.Parse(line[9..].Replace("kB", "").Trim(), CultureInfo.InvariantCulture) * 1024;
        foreach (var limit in CgroupMemoryLimits())
            if (limit > 0 && limit < total) total = limit;
        return total;
    }

    private static IEnumerable<ulong> CgroupMemoryLimits()
    {
        foreach (var line in ReadLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            var file = parts[1] == "" ? $"/sys/fs/cgroup{parts[2]}/memory.max"
                : parts[1].Split(',').Contains("memory") ? $"/sys/fs/cgroup/memory{parts[2]}/memory.limit_in_bytes"
                    : null;
            if (file is not null && ReadLines(file).FirstOrDefault() is { } text
                && ulong.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var bytes))
                yield return bytes;
        }
    }

    /// <summary>The CPUs this process may run on (systemd's cpus_in_affinity_mask()).</summary>
    private static ulong CpusInAffinity()
    {
        foreach (var line in ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)) continue;
            ulong count = 0;
            foreach (var range in line["Cpus_allowed_list:".Length..].Trim()
                .Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var ends = range.Split('-');
                var from = ulong.Parse(ends[0], CultureInfo.InvariantCulture);
                var to = ends.Length > 1 ? ulong.Parse(ends[1], CultureInfo.InvariantCulture) : from;
                count += to - from + 1;
            }
            return count;
        }
        return (ulong)Environment.ProcessorCount;
    }

    private static bool Controller(string value)
    {
        var unified = File.Exists("/sys/fs/cgroup/cgroup.controllers");
        if (value == "v2") return unified;
        if (value == "v1") return !unified;
        var wanted = value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => Array.IndexOf(KnownControllers, w) >= 0).ToList();
        // systemd: nothing it knows asked for means the condition holds.
        if (wanted.Count == 0) return true;
        var available = new HashSet<string>(StringComparer.Ordinal);
        if (unified)
        {
            foreach (var c in (ReadLines("/sys/fs/cgroup/cgroup.controllers").FirstOrDefault() ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (Array.IndexOf(V2Controllers, c) >= 0) available.Add(c);
        }
        else
        {
            foreach (var line in ReadLines("/proc/cgroups").Skip(1))
            {
                var f = line.Split('\t', ' ');
                if (f.Length >= 4 && f[^1] == "1") available.Add(f[0]);
            }
            if (available.Contains("blkio")) available.Add("io");
        }
        return wanted.All(available.Contains);
    }

    /// <summary>
    /// <c>[SLICE:]PERCENT[/10sec|1min|5min]</c>: holds while the pressure average is at most the limit; without PSI it
    /// holds.
    /// </summary>
    private static bool? Pressure(string resource, string value)
    {
        if (!File.Exists("/proc/pressure/cpu") || !File.Exists("/proc/pressure/io")
            || !File.Exists("/proc/pressure/memory")) return true;
        var colon = value.IndexOf(':');
        string path, limitText;
        if (colon < 0)
        {
            path = "/proc/pressure/" + resource;
            limitText = value;
        }
        else
        {
            var slice = value[..colon].Trim();
            if (slice.Length == 0) return null;
            path = $"/sys/fs/cgroup/{SlicePath(slice)}/{resource}.pressure";
            limitText = value[(colon + 1)..];
        }
        var window = "avg10";
        var slash = limitText.IndexOf('/');
        if (slash >= 0)
        {
            window = limitText[(slash + 1)..] switch { "10sec" => "avg10", "1min" => "avg60", "5min" => "avg300",
                _ => "" };
            if (window.Length == 0) return null;
            limitText = limitText[..slash];
        }
        if (!limitText.EndsWith('%') || !decimal.TryParse(limitText[..^1], NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var limit) || limit > 100)
            return null;
        if (!File.Exists(path)) return true;
        var lines = ReadLines(path).ToList();
        // cpu has no "full" line on older kernels: fall back to "some".
        var line = lines.FirstOrDefault(l => l.StartsWith("full ", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.StartsWith("some ", StringComparison.Ordinal));
        if (line is null) return null;
        foreach (var field in line.Split(' '))
            if (field.StartsWith(window + "=", StringComparison.Ordinal))
                return decimal.Parse(field[(window.Length + 1)..], CultureInfo.InvariantCulture) <= limit;
        return null;
    }

    /// <summary>The cgroup path of a slice: <c>a-b.slice</c> lives in <c>a.slice/a-b.slice</c>.</summary>
    private static string SlicePath(string slice)
    {
        if (slice == "-.slice") return "";
        var name = slice.EndsWith(".slice", StringComparison.Ordinal) ? slice[..^6] : slice;
        var parts = name.Split('-');
        var path = new List<string>();
        for (var i = 1; i <= parts.Length; i++) path.Add(string.Join('-', parts.Take(i)) + ".slice");
        return string.Join('/', path);
    }

    private static string[] ReadLines(string path)
    {
        try { return File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
