using Platform.Host.Cli;
using Platform.Host.Commands.Lifecycle;
using Platform.Units;

namespace Platform.Host.Commands.Install;

/// <summary>
/// Install-state changes: enable, disable, reenable, mask, unmask, preset, preset-all, set-default, link, revert.
/// </summary>
internal static class InstallCommands
{
    public static int Run(HostContext ctx, string verb)
    {
        var o = ctx.Options;
        var args = o.Arguments;
        if (verb != "preset-all" && args.Count == 0) return Fail(ctx, "Too few arguments.");
        if (verb == "preset-all" && args.Count > 0) return Fail(ctx, "Too many arguments.");
        if (verb == "set-default" && args.Count > 1) return Fail(ctx, "Too many arguments.");
        if (verb is "link" or "revert") return verb == "link" ? LinkCommand.Run(ctx) : RevertCommand.Run(ctx);
        var installer = InstallOutput.Installer(ctx);
        var result = verb switch
        {
            "enable" => installer.Enable(args, o.Runtime),
            "disable" => installer.Disable(args, o.Runtime),
            "reenable" => installer.Reenable(args, o.Runtime),
            "mask" => installer.Mask(args, o.Runtime),
            "unmask" => installer.Unmask(args, o.Runtime),
            "preset" => installer.Preset(args, PresetMode(o.PresetMode), o.Runtime),
            "preset-all" => installer.PresetAll(PresetMode(o.PresetMode), o.Runtime),
            "set-default" => installer.SetDefault(args[0]),
            _ => throw new UsageException($"Unknown command verb {verb}."),
        };
        var rc = InstallOutput.Print(ctx, result, o.Quiet);
        if (rc != ExitCodes.Success || !o.Now) return rc;
        // systemctl 252 honours --now for enable, disable and mask only.
        return verb switch
        {
            "enable" => LifecycleCommands.StartOrStop(ctx, "start", UnitNamesOf(args)),
            "disable" or "mask" => LifecycleCommands.StartOrStop(ctx, "stop", UnitNamesOf(args)),
            _ => rc,
        };
    }

    /// <summary>
    /// The unit names the arguments stand for: a path means its file name, a bare name gets <c>.service</c>.
    /// </summary>
    private static List<string> UnitNamesOf(IEnumerable<string> args)
    {
        var names = new List<string>();
        foreach (var a in args)
        {
            var name = a.Contains('/') ? Path.GetFileName(a) : UnitRepository.NormalizeName(a);
            if (!names.Contains(name)) names.Add(name);
        }
        return names;
    }

    private static PresetMode PresetMode(string text) => text switch
    {
        "full" => Units.PresetMode.Full,
        "enable-only" => Units.PresetMode.EnableOnly,
        "disable-only" => Units.PresetMode.DisableOnly,
        _ => throw new UsageException($"Failed to parse preset mode: {text}."),
    };

    internal static int Fail(HostContext ctx, string message)
    {
        ctx.Err.WriteLine(message);
        return ExitCodes.Failure;
    }
}
