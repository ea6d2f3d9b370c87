namespace Platform.ServiceTypes.Tests.Support;

/// <summary>Reads facts about a live process from /proc for assertions.</summary>
public static class ProcStatus
{
    /// <summary>A field of /proc/PID/status, e.g. <c>SigIgn</c> or <c>Uid</c> (value trimmed).</summary>
    public static string Field(int pid, string name)
    {
        foreach (var line in File.ReadAllLines($"/proc/{pid}/status"))
            if (line.StartsWith(name + ":", StringComparison.Ordinal)) return line[(name.Length + 1)..].Trim();
        throw new InvalidOperationException($"no {name} in /proc/{pid}/status");
    }

    /// <summary>
    /// The SigIgn mask of a process without glibc's two internal signals (32 and 33): glibc's posix_spawn leaves those
    /// ignored in every child it creates, and programs that use them install their own handlers.
    /// </summary>
    public static ulong IgnoredSignals(int pid)
        => ulong.Parse(Field(pid, "SigIgn"), System.Globalization.NumberStyles.HexNumber) & ~(3UL << 31);

    /// <summary>The open descriptors of a process, sorted.</summary>
    public static List<int> Fds(int pid)
    {
        var fds = new List<int>();
        foreach (var e in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            fds.Add(int.Parse(Path.GetFileName(e)));
        fds.Sort();
        return fds;
    }

    /// <summary>Where a descriptor points (readlink of /proc/PID/fd/N).</summary>
    public static string? FdTarget(int pid, int fd) => new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget;

    /// <summary>The command line with NULs as spaces ("" when the process is gone).</summary>
    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    /// <summary>The current directory of a process.</summary>
    public static string? Cwd(int pid) => new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;

    /// <summary>Waits until <paramref name="condition"/> holds (checked every 10 ms) or the time runs out.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (condition()) return true;
            Thread.Sleep(10);
        }
        return condition();
    }
}
