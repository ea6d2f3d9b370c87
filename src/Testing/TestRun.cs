namespace Platform.Testing;

/// <summary>
/// One test process's identity on the Docker daemon. Everything the harness creates carries
/// <c>platform.test=1</c>, <c>platform.run=&lt;id&gt;</c> and <c>platform.owner=&lt;host/boot/pid/start&gt;</c>,
/// so a later run can tell leftovers of a crashed run (owner process gone) from those of a run still going.
/// </summary>
public sealed class TestRun
{
    /// <summary>Label present (value <c>1</c>) on every object the harness creates.</summary>
    public const string TestLabel = "platform.test";

    /// <summary>Label holding the run id.</summary>
    public const string RunLabel = "platform.run";

    /// <summary>Label naming the owning process (<c>host/boot-id/pid/start-ticks</c>).</summary>
    public const string OwnerLabel = "platform.owner";

    /// <summary>Creates a run with an explicit id and owner (tests of the sweep forge other runs with it).</summary>
    public TestRun(string id, string owner)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("run id must not be empty", nameof(id));
        Id = id;
        Owner = owner;
        Labels = new Dictionary<string, string> { [TestLabel] = "1", [RunLabel] = id, [OwnerLabel] = owner };
    }

    /// <summary>The run of this process (one per test assembly), owned by this process.</summary>
    public static TestRun Current { get; } = new(Guid.NewGuid().ToString("N")[..12], OwnerOf(Environment.ProcessId));

    /// <summary>Run id (12 hex digits for real runs).</summary>
    public string Id { get; }

    /// <summary>Owner label value.</summary>
    public string Owner { get; }

    /// <summary>The labels to put on every image, container and volume of this run.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The owner label value for a live process of this machine.</summary>
    /// <exception cref="ArgumentException">No such process.</exception>
    public static string OwnerOf(int pid)
    {
        var ticks = StartTicks(pid) ?? throw new ArgumentException($"no process {pid}", nameof(pid));
        return $"{Environment.MachineName}/{BootId()}/{pid}/{ticks}";
    }

    /// <summary>
    /// Whether the process named by an owner label is gone (true), alive (false) or unknowable from here (null: another
    /// host).
    /// </summary>
    public static bool? IsOwnerGone(string? owner)
    {
        var parts = owner?.Split('/');
        if (parts is not { Length: 4 } || !int.TryParse(parts[2], out var pid)) return null;
        if (parts[0] != Environment.MachineName) return null;
        if (parts[1] != BootId()) return true;
        return StartTicks(pid)?.ToString(System.Globalization.CultureInfo.InvariantCulture) != parts[3];
    }

    private static string BootId()
    {
        try { return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(); }
        catch (IOException) { return "unknown-boot"; }
    }

    /// <summary>
    /// Field 22 of /proc/PID/stat: start time in clock ticks after boot, which tells a reused PID apart.
    /// </summary>
    private static long? StartTicks(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // The command name (field 2) may hold spaces and parentheses; fields after the last ')' start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && long.TryParse(fields[19], out var ticks) ? ticks : null;
    }
}
