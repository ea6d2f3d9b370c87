using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Output;
using Platform.Host.Paths;

namespace Platform.Host.Commands.Show;

internal sealed partial class ShowValues
{
    private PathSettings? _pathSettings;

    /// <summary>A path unit's properties as systemctl 252 prints them (dbus-path.c).</summary>
    private IEnumerable<string> PathValues(string key)
    {
        var settings = _pathSettings ??= PathSettings.From(_u);
        switch (key)
        {
            case "Unit":
                yield return settings.Unit;
                break;
            case "Paths":
                // systemd prepends each setting to its list, so the last one written comes first.
                for (var i = settings.Specs.Count - 1; i >= 0; i--)
                    yield return $"{settings.Specs[i].Path} ({settings.Specs[i].Kind})";
                break;
            case "MakeDirectory":
                yield return SystemdFormat.YesNo(settings.MakeDirectory);
                break;
            case "DirectoryMode":
                yield return settings.DirectoryModeText;
                break;
            case "Result":
                yield return _st.Result;
                break;
            case "TriggerLimitIntervalUSec":
                yield return SystemdValues.FormatTimeSpan(settings.TriggerLimitInterval);
                break;
            case "TriggerLimitBurst":
                yield return settings.TriggerLimitBurst.ToString(CultureInfo.InvariantCulture);
                break;
        }
    }
}
