namespace Platform.Units;

/// <summary>The <c>--preset-mode=</c> of <c>preset</c> and <c>preset-all</c>.</summary>
public enum PresetMode
{
    /// <summary><c>full</c>: enable and disable as the policy says.</summary>
    Full,
    /// <summary><c>enable-only</c>: only enable.</summary>
    EnableOnly,
    /// <summary><c>disable-only</c>: only disable.</summary>
    DisableOnly,
}
