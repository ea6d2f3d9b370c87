namespace Platform.Host.Tests.Install;

/// <summary>Our published systemctl against the real systemd 252 one, on identical temporary roots.</summary>
[Trait("Category", "Differential")]
public sealed class InstallDifferentialTests
{
    private static void Check(Action<TwinRoots> steps, Action<Platform.TestSupport.TempRoot>? extra = null)
    {
        using var twins = new TwinRoots(t => { SampleTree.Build(t); extra?.Invoke(t); });
        steps(twins);
        Assert.True(twins.Differences.Length == 0, twins.Differences);
    }

    [DifferentialFact]
    public void ListUnitFilesPrintsTheSameTableFiltersAndExitCodes() => Check(t =>
    {
        t.Run("list-unit-files");
        t.Run("list-unit-files", "--no-legend");
        t.Run("list-unit-files", "w*");
        t.Run("list-unit-files", "--type=service,timer");
        t.Run("list-unit-files", "--state=enabled,masked");
        t.Run("list-unit-files", "--state=generated");
        t.Run("list-unit-files", "nothing-matches*");
    });

    [DifferentialFact]
    public void IsEnabledPrintsTheSameStatesAndExitCodes() => Check(t =>
    {
        foreach (var name in (string[])["web", "www.service", "helper", "worker@.service", "worker@one.service",
            "plain",
                     "tuned", "vendor", "gone", "timerjob.timer", "listen.socket", "multi-user.target", "nope"])
            t.Run("is-enabled", name);
        t.Run("is-enabled", "plain", "vendor");
        t.Run("is-enabled", "-q", "web");
        t.Run("is-enabled", "vendor", "nope", "plain");
    });

    [DifferentialFact]
    public void EnableAndDisableCreateAndRemoveTheSameLinks() => Check(t =>
    {
        t.Run("enable", "web");
        t.Run("is-enabled", "www.service", "helper.service");
        t.Run("enable", "web");
        t.Run("disable", "www.service");
        t.Run("disable", "web");
        t.Run("enable", "worker@.service");
        t.Run("enable", "worker@blue.service");
        t.Run("disable", "worker@.service");
        t.Run("enable", "plain");
        t.Run("enable", "nope");
        t.Run("disable", "nope");
        t.Run("reenable", "vendor");
        t.Run("enable", "--runtime", "tuned");
        t.Run("is-enabled", "tuned");
        t.Run("disable", "--runtime", "tuned");
        t.Run("enable", "-q", "timerjob.timer", "listen.socket");
        t.Run("disable", "-q", "timerjob.timer");
        t.Run("enable", "/opt/extra/linked.service");
        t.Run("list-unit-files", "--no-legend");
    });

    [DifferentialFact]
    public void TemplatesAliasesAndDropInsMatch() => Check(t =>
    {
        t.Run("enable", "worker@red.service", "worker@blue.service");
        t.Run("is-enabled", "worker@red.service", "worker@green.service", "worker@.service");
        t.Run("disable", "worker@blue.service");
        t.Run("enable", "www.service");
        t.Run("enable", "web.service");
        t.Run("is-enabled", "www.service");
        t.Run("disable", "web.service", "helper.service");
        t.Run("enable", "tuned.service");
        t.Run("is-enabled", "tuned.service");
        t.Run("mask", "worker@.service");
        t.Run("is-enabled", "worker@red.service");
        t.Run("list-unit-files", "--no-legend", "worker*", "tuned*");
    });

    [DifferentialFact(
        Skip = "known divergence of Platform.Units' Reenable: systemctl 252 re-enables an instance as the template's "
        + "DefaultInstance (reenable worker@red.service creates worker@one.service); ours re-creates "
            + "worker@red.service")]
    public void ReenableOfAnInstanceMatches() => Check(t =>
    {
        t.Run("enable", "worker@red.service");
        t.Run("reenable", "worker@red.service");
    });

    [DifferentialFact]
    public void MaskAndUnmaskMatch() => Check(t =>
    {
        t.Run("mask", "vendor");
        t.Run("is-enabled", "vendor");
        t.Run("mask", "vendor");
        t.Run("mask", "nope");
        t.Run("enable", "vendor");
        t.Run("unmask", "vendor", "nope");
        t.Run("unmask", "gone");
        t.Run("mask", "--runtime", "plain");
        t.Run("is-enabled", "plain");
        t.Run("unmask", "--runtime", "plain");
        t.Run("mask", "web");
        t.Run("mask", "--force", "web");
        t.Run("list-unit-files", "--no-legend");
    });

    [DifferentialFact]
    public void PresetFollowsThePresetFiles() => Check(t =>
    {
        t.Run("preset", "web", "vendor", "plain");
        t.Run("preset", "nope");
        t.Run("preset", "tuned", "worker@.service");
        t.Run("preset", "--preset-mode=disable-only", "web");
        t.Run("list-unit-files", "--no-legend");
    });

    [DifferentialFact]
    public void PresetAllFollowsThePresetFiles() => Check(t =>
    {
        t.Run("preset-all");
        t.Run("list-unit-files", "--no-legend");
        t.Run("preset-all", "--preset-mode=disable-only");
        t.Run("preset-all", "--preset-mode=enable-only");
        t.Run("list-unit-files", "--no-legend");
    }, t =>
    {
        // Without the mask and without enabled units whose Also= names a unit the presets disable: see the next test.
        File.Delete(t.Combine(SampleTree.Etc + "/gone.service"));
        t.WriteUnit("web.service",
            "[Unit]\nDescription=Web\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n"
            + "Alias=www.service\n");
    });

    [DifferentialFact(
        Skip = "known divergence of Platform.Units' PresetAll: systemctl 252 reports masked units in the configuration "
        + "folder (\"Unit X is masked, ignoring.\") and keeps the links of a preset-disabled unit that an enabled unit "
            + "pulls in with Also=; "
        + "ours stays silent and removes then recreates those links")]
    public void PresetAllAfterPresetMatchesWithMasksAndAlso() => Check(t =>
    {
        t.Run("preset", "web", "vendor", "plain");
        t.Run("preset-all");
        t.Run("list-unit-files", "--no-legend");
    });

    [DifferentialFact]
    public void GetDefaultAndSetDefaultMatch() => Check(t =>
    {
        t.Run("get-default");
        t.Run("set-default", "multi-user.target");
        t.Run("get-default");
        t.Run("set-default", "rescue");
        t.Run("set-default", "nope.target");
        t.Run("get-default");
    });

    [DifferentialFact]
    public void LinkAndRevertMatch() => Check(t =>
    {
        t.Run("link", "/opt/extra/linked.service");
        t.Run("link", "/opt/extra/linked.service");
        t.Run("link", "/opt/extra/none.service");
        t.Run("is-enabled", "linked");
        t.Run("revert", "tuned");
        t.Run("revert", "vendor");
        t.Run("mask", "timerjob.timer");
        t.Run("revert", "timerjob.timer", "plain");
        t.Run("list-unit-files", "--no-legend");
    }, t =>
    {
        t.WriteUnit("vendor.service", "[Service]\nExecStart=/bin/false\n");
        t.Write(SampleTree.Etc + "/vendor.service.d/a.conf", "[Unit]\nDescription=x\n");
        t.Write("/run/systemd/system/vendor.service.d/b.conf", "[Unit]\nDescription=y\n");
    });
}
