namespace Platform.Abstractions;

/// <summary>How far loading a unit got, as systemd's <c>LoadState</c> property reports it.</summary>
public enum UnitLoadState
{
    /// <summary>Parsed and usable (<c>loaded</c>).</summary>
    Loaded,
    /// <summary>No file defines the unit (<c>not-found</c>).</summary>
    NotFound,
    /// <summary>The unit file is a link to <c>/dev/null</c> (<c>masked</c>).</summary>
    Masked,
    /// <summary>The file parsed but a setting makes it unusable (<c>bad-setting</c>).</summary>
    BadSetting,
    /// <summary>The file could not be read (<c>error</c>).</summary>
    Error,
}
