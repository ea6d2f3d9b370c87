namespace Platform.Units.Tests;

/// <summary>
/// Runs a systemctl-style install command line through <see cref="UnitInstaller"/> with the offline wording.
/// </summary>
internal static class OurCommand
{
    public static Outcome Run(UnitTree tree, string[] command)
    {
        var runtime = command.Contains("--runtime");
        var force = command.Contains("--force");
        var mode = PresetMode.Full;
        var words = new List<string>();
        foreach (var w in command)
        {
            if (w == "--preset-mode=enable-only") mode = PresetMode.EnableOnly;
            else if (w == "--preset-mode=disable-only") mode = PresetMode.DisableOnly;
            else if (!w.StartsWith("--", StringComparison.Ordinal)) words.Add(w);
        }
        var repo = new UnitRepository(UnitPaths.ForSystem(tree.Path), tree.Warnings.Add);
        var installer = new UnitInstaller(repo, new InstallOptions { Style = InstallMessageStyle.Offline,
            UnicodeArrow = true, Force = force });
        var args = words.Skip(1).ToList();
        var result = words[0] switch
        {
            "enable" => installer.Enable(args, runtime),
            "disable" => installer.Disable(args, runtime),
            "reenable" => installer.Reenable(args, runtime),
            "mask" => installer.Mask(args, runtime),
            "unmask" => installer.Unmask(args, runtime),
            "preset" => installer.Preset(args, mode, runtime),
            "preset-all" => installer.PresetAll(mode, runtime),
            "set-default" => installer.SetDefault(args[0]),
            "get-default" => installer.GetDefault(),
            "is-enabled" => installer.IsEnabled(args),
            _ => throw new ArgumentException("unknown verb " + words[0]),
        };
        return Outcome.From(result.ExitCode, result.Stdout, result.Stderr, tree.Path);
    }
}
