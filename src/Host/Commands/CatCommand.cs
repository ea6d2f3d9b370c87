using System.Text;
using Platform.Abstractions;
using Platform.Host.Cli;

namespace Platform.Host.Commands;

/// <summary><c>cat UNIT...</c>: the unit file and its drop-ins, each after a <c># PATH</c> line, as on disk.</summary>
internal static class CatCommand
{
    public static int Run(HostContext ctx)
    {
        if (ctx.Options.Arguments.Count == 0) throw new UsageException("Too few arguments.");
        var rc = ExitCodes.Success;
        var sb = new StringBuilder();
        foreach (var name in UnitPatterns.Expand(ctx, ctx.Options.Arguments))
        {
            var loaded = ctx.Units.LoadUnit(name);
            var unit = loaded.Definition;
            var files = new List<string>();
            if (loaded.SourcePath is not null) files.Add(loaded.SourcePath);
            else if (unit.FragmentPath is not null && unit.LoadState != UnitLoadState.Masked)
                files.Add(unit.FragmentPath);
            files.AddRange(unit.DropInPaths);
            if (unit.LoadState == UnitLoadState.Masked)
            {
                ctx.Err.WriteLine($"Unit {unit.Name} is masked.");
                rc = ExitCodes.Failure;
                continue;
            }
            if (files.Count == 0 || loaded.IsBuiltIn && unit.DropInPaths.Count == 0)
            {
                ctx.Err.WriteLine($"No files found for {loaded.RequestedName}.");
                rc = ExitCodes.Failure;
                continue;
            }
            foreach (var file in files)
            {
                if (sb.Length > 0) sb.Append('\n');
                sb.Append("# ").Append(ctx.Units.Paths.InRoot(file)).Append('\n');
                string text;
                try { text = File.ReadAllText(file); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    ctx.Err.WriteLine($"Failed to read {file}: {ErrorText.Describe(e)}");
                    rc = ExitCodes.Failure;
                    continue;
                }
                sb.Append(text);
                if (text.Length > 0 && text[^1] != '\n') sb.Append('\n');
            }
        }
        ctx.Out.Write(sb.ToString());
        return rc;
    }
}
