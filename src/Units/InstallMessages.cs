namespace Platform.Units;

/// <summary>
/// The lines systemctl 252 prints for install operations, in both wordings (<see cref="InstallMessageStyle"/>).
/// </summary>
internal sealed class InstallMessages
{
    private readonly InstallOptions _options;

    public InstallMessages(InstallOptions options) => _options = options;

    private bool Offline => _options.Style == InstallMessageStyle.Offline;

    public string Created(string linkOnDisk, string target)
        => $"Created symlink {linkOnDisk} {(_options.UnicodeArrow ? "→" : "->")} {target}.";

    public static string Removed(string pathOnDisk) => $"Removed \"{pathOnDisk}\".";

    public string NotFound(string verb, string name) => Offline
        ? $"Failed to {verb} unit, unit {name} does not exist."
        : $"Failed to {verb} unit: Unit file {name} does not exist.";

    public string Masked(string verb, string pathOnDisk) => Offline
        ? $"Failed to {verb} unit, unit {pathOnDisk} is masked."
        : $"Failed to {verb} unit: Unit file {pathOnDisk} is masked.";

    public string Exists(string verb, string pathOnDisk) => Offline
        ? $"Failed to {verb} unit, file \"{pathOnDisk}\" already exists."
        : $"Failed to {verb} unit: File {pathOnDisk} already exists.";

    public string ExistsAsLink(string verb, string pathOnDisk, string target) => Offline
        ? $"Failed to {verb} unit, file \"{pathOnDisk}\" already exists and is a symlink to \"{target}\"."
        : $"Failed to {verb} unit: File {pathOnDisk} already exists and is a symlink to {target}.";

    public string LinkedRefused(string verb, string name) => Offline
        ? $"Failed to {verb} unit, refusing to operate on linked unit file {name}."
        : $"Failed to {verb} unit: Refusing to operate on alias name or linked unit file: {name}";

    public string NonTemplateDestination(string verb, string unit, string destination) => Offline
        ? $"Failed to {verb} {unit}, destination unit {destination} is a non-template unit."
        : $"Failed to {verb} unit: Destination unit {destination} is a non-template unit.";

    public string SetDefaultNotFound(string name) => Offline
        ? $"Failed to set default unit, unit {name} does not exist."
        : $"Failed to set default target: Unit file {name} does not exist.";

    public static string MaskedIgnored(string pathOnDisk) => $"Unit {pathOnDisk} is masked, ignoring.";

    public static string NonExistentDependency(string unitOnDisk, string target)
        => $"Unit {unitOnDisk} is added as a dependency to a non-existent unit {target}.";

    public static string Escaped(string argument)
        => $"Invalid unit name \"{argument}\" escaped as \"{UnitNames.Mangle(argument, "", out _)}\" (maybe you should "
            + $"use systemd-escape?).";

    public static string StateUnknown(string name) =>
        $"Failed to get unit file state for {name}: No such file or directory";

    /// <summary>
    /// systemctl's notice when none of the named units can be enabled through [Install] (exit code stays 0).
    /// </summary>
    public static readonly string[] NoInstallInfo =
    [
        "The unit files have no installation config (WantedBy=, RequiredBy=, Also=,",
        "Alias= settings in the [Install] section, and DefaultInstance= for template",
        "units). This means they are not meant to be enabled using systemctl.",
        " ",
        "Possible reasons for having this kind of units are:",
        "• A unit may be statically enabled by being symlinked from another unit's",
        "  .wants/ or .requires/ directory.",
        "• A unit's purpose may be to act as a helper for some other unit which has",
        "  a requirement dependency on it.",
        "• A unit may be started when needed via activation (socket, path, timer,",
        "  D-Bus, udev, scripted systemctl call, ...).",
        "• In case of template units, the unit is meant to be enabled with some",
        "  instance name specified.",
    ];
}
