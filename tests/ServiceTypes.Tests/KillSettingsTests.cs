using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;

namespace Platform.ServiceTypes.Tests;

public sealed class KillSettingsTests
{
    [Fact]
    public void KillSettingsAreReadFromTheUnit()
    {
        var unit = TestUnits.Service(("KillMode", "mixed"), ("KillSignal", "SIGINT"), ("SendSIGHUP", "yes"),
            ("SendSIGKILL", "no"),
            ("FinalKillSignal", "QUIT"), ("TimeoutSec", "7"), ("TimeoutStopSec", "3s"));
        var s = KillSettings.FromUnit(unit);
        Assert.Equal((KillMode.Mixed, 2, true, false, 3, TimeSpan.FromSeconds(3)),
            (s.Mode, s.KillSignal, s.SendSighup, s.SendSigkill, s.FinalKillSignal, s.StopTimeout));
        var d = KillSettings.FromUnit(TestUnits.Service(("TimeoutStopSec", "0")));
        Assert.Equal((KillMode.ControlGroup, 15, false, true, 9, SystemdValues.Infinity),
            (d.Mode, d.KillSignal, d.SendSighup, d.SendSigkill, d.FinalKillSignal, d.StopTimeout));
    }

    [Fact]
    public void InvalidValuesFallBackToTheDefaults()
    {
        var s = KillSettings.FromUnit(TestUnits.Service(("KillMode", "bogus"), ("KillSignal", "SIGNOPE"),
            ("SendSIGKILL", "maybe"), ("TimeoutStopSec", "soon")));
        Assert.Equal(new KillSettings(), s);
    }
}
