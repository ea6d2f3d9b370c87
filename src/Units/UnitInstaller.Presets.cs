namespace Platform.Units;

public sealed partial class UnitInstaller
{
    /// <summary>
    /// <c>systemctl preset NAME...</c>: enables or disables each unit as the preset files say; disabling happens first.
    /// </summary>
    public InstallResult Preset(IEnumerable<string> names, PresetMode mode = PresetMode.Full, bool runtime = false)
    {
        var result = new InstallResult();
        var plan = new List<(string Name, bool Enable, IReadOnlyList<string>? Instances)>();
        foreach (var arg in names)
        {
            var name = ArgumentName(arg, ".service", result, null, runtime);
            if (name is null) return result;
            var t = _repo.Targets.Resolve(name);
            if (!t.Found)
            {
                if (BuiltInUnits.Exists(name, _repo.Paths.IsUser)) continue;
                result.Fail(_messages.NotFound("preset", name));
                return result;
            }
            if (t.Location.Kind == LocationKind.Masked || t.IsAlias) continue;
            var rule = _repo.Presets.Find(name);
            plan.Add((name, rule?.Enable ?? true, rule?.Instances));
        }
        Apply(plan, mode, runtime, result, quiet: false);
        return result;
    }

    /// <summary><c>systemctl preset-all</c>: applies the preset policy to every installable unit file.</summary>
    public InstallResult PresetAll(PresetMode mode = PresetMode.Full, bool runtime = false)
    {
        var result = new InstallResult();
        var plan = new List<(string Name, bool Enable, IReadOnlyList<string>? Instances)>();
        var names = _repo.AllUnitFileNames(includeBuiltIns: false, includeSysV: false).ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var t = _repo.Targets.Resolve(name);
            if (!t.Found || t.Location.Kind == LocationKind.Masked || t.IsAlias || t.ParseFailed
                || UnitNames.IsInstance(name)) continue;
            if (!t.Install.CarriesInstallInfo) continue;
            var rule = _repo.Presets.Find(name);
            plan.Add((name, rule?.Enable ?? true, rule?.Instances));
        }
        Apply(plan, mode, runtime, result, quiet: true);
        return result;
    }

    private void Apply(List<(string Name, bool Enable, IReadOnlyList<string>? Instances)> plan, PresetMode mode,
        bool runtime, InstallResult result, bool quiet)
    {
        var writer = new SymlinkWriter(result, _messages);
        if (mode != PresetMode.EnableOnly)
        {
            var disable = new DisableOperation(_repo, _messages, _options, result, writer, runtime);
            foreach (var (name, enable, _) in plan)
                if (!enable) disable.Mark(name, quietWhenMissing: true);
            disable.Apply();
            Refresh(writer);
        }
        if (mode != PresetMode.DisableOnly)
        {
            var op = new EnableOperation(_repo, _messages, result, writer, runtime, "preset");
            foreach (var (name, enable, instances) in plan)
            {
                if (!enable) continue;
                var t = _repo.Targets.Resolve(name);
                // A template without an instance to enable cannot be preset; systemctl skips it.
                if (UnitNames.IsTemplate(name) && instances is not { Count: > 0 } && t.Install.DefaultInstance is null)
                    continue;
                op.Enable(name, instances);
                if (quiet) result.ExitCode = 0;
            }
            Refresh(writer);
        }
    }
}
