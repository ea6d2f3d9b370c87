namespace Platform.Units;

/// <summary>One row of <c>list-unit-files</c>.</summary>
/// <param name="Name">The unit file name.</param>
/// <param name="State">The unit file state (see <see cref="UnitRepository.GetUnitFileState"/>; <c>bad</c> for broken
/// files).</param>
/// <param name="Preset">The preset state: <c>enabled</c>, <c>disabled</c>, or <c>-</c> where systemctl shows none
/// (static, alias, generated).</param>
/// <param name="Path">The file or link on disk, or null for built-in and SysV units.</param>
public sealed record UnitFileRow(string Name, string State, string Preset, string? Path);
