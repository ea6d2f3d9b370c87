namespace Platform.Units.Tests;

/// <summary>Names, aliases, conflicts and unknown units, run against both the real systemctl and ours.</summary>
internal static class InstallNamingScenarios
{
    private const string Lib = UnitTree.Lib;
    private const string Etc = UnitTree.Etc;
    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    public static readonly Dictionary<string, (Action<UnitTree> Build, Action<DifferentialRun> Steps)> All = new()
    {
        ["odd-names"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("foo-bar@baz-qux.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("x:y.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("with\\x2descape.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("Upper.service", Svc + "[Install]\nWantedBy=custom-missing.target\n", Lib);
            t.Unit("zeta.socket", "[Socket]\nListenStream=1\n[Install]\nWantedBy=sockets.target\n", Lib);
            t.Unit("alpha.timer", "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n", Lib);
            t.Unit("p.path", "[Path]\nPathExists=/x\n", Lib);
        }, r =>
        {
            r.Run("enable", "foo-bar@baz-qux.service", "x:y.service", "with\\x2descape.service");
            r.Run("enable", "Upper.service");
            r.Run("enable", "zeta.socket", "alpha.timer");
            r.Run("enable", "foo bar");
            r.CompareStates("Upper.service", "zeta.socket", "p.path", "x:y.service");
        }),
        ["aliases-and-links"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("real.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Link(Lib + "/vendor-alias.service", "real.service");
            t.Link(Etc + "/config-alias.service", Lib + "/real.service");
            t.Unit("st.service", Svc, Lib);
            t.Link(Etc + "/st-alias.service", Lib + "/st.service");
            t.Root.Write("/opt/linked.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
            t.Link(Etc + "/linked.service", "/opt/linked.service");
            t.Link(Etc + "/dangling.service", "/nowhere/dangling.service");
            t.Link(Etc + "/multi-user.target.wants/named.service", Lib + "/real.service");
        }, r =>
        {
            r.CompareStates("real.service", "vendor-alias.service", "config-alias.service", "st.service",
                "st-alias.service",
                "linked.service", "dangling.service", "named.service");
            r.Run("enable", "vendor-alias.service");
            r.Run("enable", "config-alias.service");
            r.Run("enable", "linked.service");
            r.Run("enable", "dangling.service");
            r.CompareStates("real.service", "linked.service");
            r.Run("disable", "st.service");
            r.Run("disable", "linked.service");
            r.Run("disable", "vendor-alias.service");
            r.CompareStates("real.service", "st.service");
        }),
        ["links-in-the-way"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("b.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("c.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Link(Etc + "/multi-user.target.wants/a.service", Lib + "/c.service");
            t.Root.Write(Etc + "/multi-user.target.wants/b.service", "a regular file\n");
        }, r =>
        {
            r.CompareStates("a.service", "b.service", "c.service");
            r.Run("enable", "a.service");
            r.Run("enable", "b.service");
            r.CompareStates("a.service", "b.service", "c.service");
        }),
        ["unknown-units"] = (t => InstallScenarios.BaseSystem(t), r =>
        {
            r.Run("enable", "nope.service");
            r.Run("disable", "nope.service");
            r.Run("reenable", "nope.service");
            r.Run("preset", "nope.service");
            r.Run("is-enabled", "nope.service");
            r.Run("unmask", "nope.service");
        }),
        ["install-specifiers"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("spec.service", Svc + "[Install]\nWantedBy=%p-extra.target\nAlias=%N-alias.service\n", Lib);
            t.Unit("spec-extra.target", "[Unit]\n", Lib);
        }, r =>
        {
            r.Run("enable", "spec.service");
            r.CompareStates("spec.service", "spec-alias.service");
            r.Run("disable", "spec.service");
        }),
        ["install-section-in-drop-in"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("d.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("d.service.d/extra.conf", "[Install]\nWantedBy=graphical.target\n");
        }, r =>
        {
            r.Run("enable", "d.service");
            r.CompareStates("d.service");
        }),
    };
}
