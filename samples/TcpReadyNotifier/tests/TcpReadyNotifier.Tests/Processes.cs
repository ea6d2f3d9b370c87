using System.Diagnostics;
using System.Text;

namespace TcpReadyNotifier.Tests;

/// <summary>Runs commands to completion with a time limit, and kills what a test left behind.</summary>
internal static class Processes
{
    /// <summary>Runs <paramref name="file"/> and waits for it; a command over <paramref name="timeout"/> is killed (with its children) and reported as exit -1.</summary>
    public static ProcessResult Run(string file, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit(TimeSpan.FromSeconds(10));
        var elapsed = clock.Elapsed;
        // A detached grandchild that kept our pipes open must not hang the test: take what has arrived.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(2));
        var command = file + " " + string.Join(' ', arguments);
        return new ProcessResult(command, exited ? process.ExitCode : -1, Text(stdout), Text(stderr), elapsed);
    }

    private static string Text(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "(output still open)";

    /// <summary>SIGKILLs every process whose command line contains <paramref name="marker"/> (e.g. a test's temp folder) and waits until they are gone.</summary>
    public static void KillAllMentioning(string marker)
    {
        var victims = new List<Process>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            string commandLine;
            try { commandLine = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Join(dir, "cmdline"))).Replace('\0', ' '); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (!commandLine.Contains(marker, StringComparison.Ordinal)) continue;
            try
            {
                var process = Process.GetProcessById(pid);
                process.Kill();
                victims.Add(process);
            }
            catch (ArgumentException) { } // already gone
            catch (InvalidOperationException) { }
        }
        foreach (var process in victims)
        {
            // Not our children (systemctl detached them), so their parent reaps them; we wait until they are gone.
            process.WaitForExit(TimeSpan.FromSeconds(10));
            process.Dispose();
        }
    }
}
