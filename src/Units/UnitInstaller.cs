namespace Platform.Units;

/// <summary>
/// The install operations of systemctl (enable, disable, reenable, mask, unmask, preset, preset-all, set-default,
/// get-default, is-enabled) on a repository's folders. Each returns what to print and the exit code; nothing is
/// printed here. The repository's caches are refreshed after every change.
/// </summary>
public sealed partial class UnitInstaller
{
    private readonly UnitRepository _repo;
    private readonly InstallOptions _options;
    private readonly InstallMessages _messages;

    /// <summary>
    /// Creates an installer; <paramref name="options"/> default to the daemon wording and the environment's locale.
    /// </summary>
    public UnitInstaller(UnitRepository repo, InstallOptions? options = null)
    {
        _repo = repo;
        _options = options ?? new InstallOptions();
        _messages = new InstallMessages(_options);
    }

    /// <summary><c>systemctl enable NAME...</c> (<c>--runtime</c> writes to the runtime folder).</summary>
    public InstallResult Enable(IEnumerable<string> names, bool runtime = false) => Enable(names, runtime, "enable");

    private InstallResult Enable(IEnumerable<string> names, bool runtime, string verb)
    {
        var result = new InstallResult();
        var writer = new SymlinkWriter(result, _messages);
        var op = new EnableOperation(_repo, _messages, result, writer, runtime, verb);
        var resolved = new List<string>();
        foreach (var arg in names)
        {
            var name = ArgumentName(arg, ".service", result, writer, runtime);
            if (name is null || !op.Check(name)) { Refresh(writer); return result; }
            resolved.Add(name);
        }
        foreach (var name in resolved) op.Enable(name);
        if (!result.Failed && !op.CarriedInstallInfo) result.Stderr.AddRange(InstallMessages.NoInstallInfo);
        Refresh(writer);
        return result;
    }

    /// <summary><c>systemctl disable NAME...</c>.</summary>
    public InstallResult Disable(IEnumerable<string> names, bool runtime = false) => Disable(names, runtime, "disable");

    private InstallResult Disable(IEnumerable<string> names, bool runtime, string verb)
    {
        var result = new InstallResult();
        var writer = new SymlinkWriter(result, _messages);
        var op = new DisableOperation(_repo, _messages, _options, result, writer, runtime, verb);
        foreach (var arg in names)
        {
            var name = ArgumentName(arg, ".service", result, null, runtime);
            if (name is null || !op.Mark(name)) { Refresh(writer); return result; }
        }
        op.Apply();
        Refresh(writer);
        return result;
    }

    /// <summary><c>systemctl reenable NAME...</c>: disable, then enable; the output of both.</summary>
    public InstallResult Reenable(IEnumerable<string> names, bool runtime = false)
    {
        var list = names.ToList();
        var disabled = Disable(list, runtime, "reenable");
        if (disabled.Failed) return disabled;
        var enabled = Enable(list, runtime, "reenable");
        disabled.Stderr.AddRange(enabled.Stderr);
        disabled.Stdout.AddRange(enabled.Stdout);
        disabled.Changes.AddRange(enabled.Changes);
        disabled.ExitCode = enabled.ExitCode;
        return disabled;
    }

    /// <summary>
    /// Turns a command-line argument into a unit name. A path inside a unit folder means its file name; any other
    /// path is linked into the configuration folder first (as <c>systemctl link</c>) when <paramref name="linker"/> is
    /// given.
    /// </summary>
    private string? ArgumentName(string arg, string suffix, InstallResult result, SymlinkWriter? linker, bool runtime)
    {
        if (!arg.Contains('/'))
        {
            var name = UnitNames.Mangle(arg, suffix, out var escaped);
            if (escaped) result.Stderr.Add(InstallMessages.Escaped(arg));
            return name;
        }
        var file = RootedPath.FileName(arg);
        if (!arg.StartsWith('/') || !UnitNames.IsValid(file))
        {
            result.Fail($"Failed to {(linker is null ? "disable" : "enable")} unit: Invalid argument.");
            return null;
        }
        if (_repo.Paths.FindDirectory(RootedPath.Folder(arg)) is not null || linker is null) return file;
        if (!File.Exists(_repo.Paths.Under(arg)))
        {
            result.Fail(_messages.NotFound("enable", arg));
            return null;
        }
        var config = runtime ? _repo.Paths.RuntimeConfigDirectory : _repo.Paths.ConfigDirectory;
        if (!linker.Link("enable", Path.Join(config.Path, file), arg, replaceLinks: false)) return null;
        _repo.Invalidate();
        return file;
    }

    private void Refresh(SymlinkWriter writer)
    {
        if (writer.Changed) _repo.Invalidate();
    }
}
