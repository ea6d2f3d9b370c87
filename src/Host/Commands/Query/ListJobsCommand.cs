using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Host.Output;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-jobs [PATTERN...]</c>: the units a systemctl or the init is starting, stopping or reloading right now (see
/// <see cref="RunningJob"/>), in systemd 252's table; "No jobs running." when there are none.
/// </summary>
internal static class ListJobsCommand
{
    public static int Run(HostContext ctx)
    {
        var patterns = ctx.Options.Arguments;
        var jobs = new List<RunningJob>();
        var skipped = false;
        // RuntimeState does not open (and so create) the store on a system where nothing ran yet.
        foreach (var status in Show.RuntimeState.List(ctx))
        {
            if (RunningJob.Of(status) is not { } job) continue;
            if (patterns.Count > 0 && !patterns.Any(p => UnitPatterns.Matches(p, job.Unit)))
            {
                skipped = true;
                continue;
            }
            jobs.Add(job);
        }
        // -q hides the legend of list-jobs in systemd 252 as --no-legend does.
        var legend = !ctx.Options.NoLegend && !ctx.Options.Quiet;
        if (jobs.Count == 0)
        {
            // "listed" when patterns filtered jobs out, "running" when there were none at all.
            if (legend) ctx.Out.Write(skipped ? "No jobs listed.\n" : "No jobs running.\n");
            return ExitCodes.Success;
        }
        jobs.Sort((a, b) => a.Id.CompareTo(b.Id));
        var table = new Table(false, "JOB", "UNIT", "TYPE", "STATE");
        foreach (var job in jobs)
            table.Add("", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), job.Unit, job.Type,
            "running");
        table.Write(ctx.Out, legend);
        if (legend) ctx.Out.Write($"\n{jobs.Count} jobs listed.\n");
        return ExitCodes.Success;
    }
}
