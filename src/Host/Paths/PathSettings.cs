using System.Globalization;
using Platform.Abstractions;
using Platform.Units;

namespace Platform.Host.Paths;

/// <summary>The <c>[Path]</c> section of a path unit (systemd.path(5)), parsed once.</summary>
internal sealed class PathSettings
{
    public required IReadOnlyList<PathSpec> Specs { get; init; }
    public required string Unit { get; init; }
    public bool MakeDirectory { get; init; }
    public UnixFileMode DirectoryMode { get; init; }
    public TimeSpan TriggerLimitInterval { get; init; }
    public int TriggerLimitBurst { get; init; }

    public static PathSettings From(UnitDefinition unit)
    {
        var specs = new List<PathSpec>();
        foreach (var setting in unit.Settings)
        {
            if (setting.Section != "Path" || !Enum.TryParse<PathKind>(setting.Key, out var kind)
                || setting.Key != kind.ToString()) continue;
            // An empty assignment resets the list (systemd.path(5)); a relative path is ignored, as systemd warns and
            // does.
            if (setting.Value.Length == 0) specs.Clear();
            else if (setting.Value.StartsWith('/')) specs.Add(new PathSpec(kind, RootedPath.Normalize(setting.Value)));
        }
        return new PathSettings
        {
            Specs = specs,
            Unit = unit.Get("Path", "Unit") ?? UnitNames.WithoutSuffix(unit.Name) + ".service",
            MakeDirectory = unit.GetBool("Path", "MakeDirectory", false),
            DirectoryMode = ParseMode(unit.Get("Path", "DirectoryMode")) ?? (UnixFileMode)0b111_101_101,
            TriggerLimitInterval = unit.GetTimeSpan("Path", "TriggerLimitIntervalSec") ?? TimeSpan.FromSeconds(2),
            TriggerLimitBurst = int.TryParse(unit.Get("Path", "TriggerLimitBurst"), NumberStyles.None,
                CultureInfo.InvariantCulture, out var burst) ? burst : 200,
        };
    }

    /// <summary><c>DirectoryMode=</c> as <c>show</c> prints it: four octal digits.</summary>
    public string DirectoryModeText => Convert.ToString((int)DirectoryMode, 8).PadLeft(4, '0');

    private static UnixFileMode? ParseMode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try { return (UnixFileMode)(Convert.ToInt32(text, 8) & 0xFFF); }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException) { return null; }
    }
}
