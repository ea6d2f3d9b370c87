using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Host.Output;

namespace Platform.Host.Commands.Manager;

/// <summary>
/// <c>show-environment</c>, <c>set-environment</c>, <c>unset-environment</c> and <c>import-environment</c> on the
/// manager environment kept on disk (<see cref="ManagerEnvironment"/>); services started later get it beneath their own
/// <c>Environment=</c>. Messages and exit codes are systemd 252's, whose manager validates what systemctl sends.
/// </summary>
internal static class EnvironmentCommands
{
    public static int Run(HostContext ctx, string verb) => verb switch
    {
        "show-environment" => Show(ctx),
        "set-environment" => Set(ctx),
        "unset-environment" => Unset(ctx),
        _ => Import(ctx),
    };

    private static int Show(HostContext ctx)
    {
        if (ctx.Options.Arguments.Count > 0) throw new UsageException("Too many arguments.");
        foreach (var (name, value) in ManagerEnvironment.Effective(ctx))
            ctx.Out.Write(name + "=" + ShellQuote.Posix(value) + "\n");
        return ExitCodes.Success;
    }

    private static int Set(HostContext ctx)
    {
        var args = ctx.Options.Arguments;
        if (args.Count == 0) throw new UsageException("Too few arguments.");
        var set = new List<KeyValuePair<string, string>>();
        foreach (var arg in args)
        {
            // The manager refuses the whole call when one assignment is bad, so nothing is changed.
            if (!EnvironmentNames.TrySplitAssignment(arg, out var assignment))
                return Fail(ctx, "Failed to set environment: Invalid environment assignments");
            set.Add(assignment);
        }
        return Apply(ctx, [], set, "set");
    }

    private static int Unset(HostContext ctx)
    {
        var args = ctx.Options.Arguments;
        if (args.Count == 0) throw new UsageException("Too few arguments.");
        foreach (var arg in args)
            if (!EnvironmentNames.IsValidName(arg) && !EnvironmentNames.TrySplitAssignment(arg, out _))
                return Fail(ctx, "Failed to set environment: Invalid environment variable names or assignments");
        return Apply(ctx, [.. args], [], "set");
    }

    private static int Import(HostContext ctx)
    {
        var args = ctx.Options.Arguments;
        var set = new List<KeyValuePair<string, string>>();
        var environment = ClientEnvironment();
        if (args.Count == 0)
        {
            // systemd 252 still imports everything, quietly skipping what the manager would refuse.
            ctx.Warn("Calling import-environment without a list of variable names is deprecated.");
            foreach (var pair in environment)
                if (EnvironmentNames.IsValidName(pair.Key)) set.Add(pair);
        }
        else
        {
            foreach (var name in args)
            {
                if (!EnvironmentNames.IsValidName(name))
                    return Fail(ctx, $"Not a valid environment variable name: {name}");
                var found = environment.FindIndex(p => p.Key == name);
                if (found < 0)
                {
                    ctx.Warn($"Environment variable ${name} not set, ignoring.");
                    continue;
                }
                if (environment[found].Value.Any(c => c < ' ' || c == (char)127))
                    ctx.Warn($"Environment variable ${name} contains control characters, importing anyway.");
                set.Add(environment[found]);
            }
        }
        return set.Count > 0 ? Apply(ctx, [], set, "import") : ExitCodes.Success;
    }

    /// <summary>This process's environment in a stable order (the client's environ).</summary>
    private static List<KeyValuePair<string, string>> ClientEnvironment()
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            list.Add(new((string)e.Key, (string?)e.Value ?? ""));
        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>
    /// Writes the change; a caller who may not write the run folder gets systemd's one line for a refused call.
    /// </summary>
    private static int Apply(HostContext ctx, IReadOnlyList<string> unset,
        IReadOnlyList<KeyValuePair<string, string>> set, string what)
    {
        try
        {
            ManagerEnvironment.Modify(ctx, unset, set);
            return ExitCodes.Success;
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(ctx, $"Failed to {what} environment: Access denied");
        }
        catch (IOException e)
        {
            return Fail(ctx, $"Failed to {what} environment: {ErrorText.Describe(e)}");
        }
    }

    private static int Fail(HostContext ctx, string message)
    {
        ctx.Err.WriteLine(message);
        return ExitCodes.Failure;
    }
}
