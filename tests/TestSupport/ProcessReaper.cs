namespace Platform.TestSupport;

/// <summary>Kills processes whose command line or environment mentions a marker (a test's temporary root).</summary>
public static class ProcessReaper
{
    public static int KillMentioning(string marker)
    {
        var killed = 0;
        var self = Environment.ProcessId;
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), out var pid) || pid == self) continue;
            try
            {
                var text = File.ReadAllText(System.IO.Path.Join(dir, "cmdline"))
                    + File.ReadAllText(System.IO.Path.Join(dir, "environ"));
                if (!text.Contains(marker, StringComparison.Ordinal)) continue;
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                killed++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
        }
        return killed;
    }
}
