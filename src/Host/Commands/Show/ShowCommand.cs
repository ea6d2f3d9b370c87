using System.Text;
using Platform.Host.Cli;

namespace Platform.Host.Commands.Show;

/// <summary>
/// <c>show [UNIT...]</c>: <c>Key=Value</c> lines in systemd 252's order. Without units, a few manager properties.
/// Runtime state and dependencies are computed only when a printed property needs them, so <c>show -p Id</c>
/// opens no status store.
/// </summary>
internal static class ShowCommand
{
    public static int Run(HostContext ctx)
    {
        var o = ctx.Options;
        var wanted = o.Properties.Count > 0 ? new HashSet<string>(o.Properties, StringComparer.Ordinal) : null;
        var sb = new StringBuilder();
        if (o.Arguments.Count == 0)
        {
            Print(sb, ManagerProperties.All(ctx), wanted, o.All, o.ValueOnly);
            ctx.Out.Write(sb.ToString());
            return ExitCodes.Success;
        }
        var builder = new SnapshotBuilder(ctx, wanted);
        var first = true;
        foreach (var name in UnitPatterns.Expand(ctx, o.Arguments))
        {
            if (Units.UnitNames.IsTemplate(name))
            {
                ctx.Out.Write(sb.ToString());
                ctx.Err.WriteLine(
                    $"Failed to get properties: Unit name {name} is neither a valid invocation ID nor unit name.");
                return ExitCodes.Failure;
            }
            if (!first) sb.Append('\n');
            first = false;
            var values = new ShowValues(builder.Build(name), ctx.Config);
            Print(sb, values.All(wanted), wanted, o.All, o.ValueOnly);
        }
        ctx.Out.Write(sb.ToString());
        return ExitCodes.Success;
    }

    /// <summary>
    /// Empty values are left out unless <c>--all</c> is given or the property was asked for by name, as systemctl does.
    /// </summary>
    private static void Print(StringBuilder sb, IEnumerable<(string Key, string Value)> properties,
        HashSet<string>? wanted, bool all, bool valueOnly)
    {
        foreach (var (key, value) in properties)
        {
            if (wanted is not null && !wanted.Contains(key)) continue;
            if (value.Length == 0 && wanted is null && !all) continue;
            if (!valueOnly) sb.Append(key).Append('=');
            sb.Append(value).Append('\n');
        }
    }
}
