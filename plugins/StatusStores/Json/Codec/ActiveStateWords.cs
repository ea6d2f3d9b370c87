using Platform.Abstractions;

namespace Platform.StatusStores;

/// <summary>
/// systemd's lowercase words for <see cref="ActiveState"/>, as <c>systemctl show -p ActiveState</c> prints them.
/// </summary>
internal static class ActiveStateWords
{
    public static string ToWord(ActiveState state) => state switch
    {
        ActiveState.Inactive => "inactive",
        ActiveState.Active => "active",
        ActiveState.Activating => "activating",
        ActiveState.Deactivating => "deactivating",
        ActiveState.Reloading => "reloading",
        ActiveState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a known ActiveState"),
    };

    public static bool TryParse(string? word, out ActiveState state)
    {
        switch (word)
        {
            case "inactive": state = ActiveState.Inactive; return true;
            case "active": state = ActiveState.Active; return true;
            case "activating": state = ActiveState.Activating; return true;
            case "deactivating": state = ActiveState.Deactivating; return true;
            case "reloading": state = ActiveState.Reloading; return true;
            case "failed": state = ActiveState.Failed; return true;
            default: state = ActiveState.Inactive; return false;
        }
    }
}
