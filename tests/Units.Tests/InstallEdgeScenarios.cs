namespace Platform.Units.Tests;

/// <summary>Less common install situations, run against both the real systemctl and ours.</summary>
internal static class InstallEdgeScenarios
{
    private const string Lib = UnitTree.Lib;
    private const string Etc = UnitTree.Etc;
    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    public static readonly Dictionary<string, (Action<UnitTree> Build, Action<DifferentialRun> Steps)> All = new()
    {
        ["enable-by-path"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Root.Write("/opt/x.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
        }, r =>
        {
            r.Run("enable", Lib + "/a.service");
            r.Run("enable", "/opt/x.service");
            r.CompareStates("a.service", "x.service");
            r.Run("disable", "x.service");
            r.Run("enable", "/opt/missing.service");
        }),
        ["alias-in-the-way"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\nAlias=taken.service\n", Lib);
            t.Unit("taken.service", Svc);
            t.Unit("b.service", Svc + "[Install]\nAlias=blink.service\n", Lib);
            t.Link(Etc + "/blink.service", Lib + "/a.service");
        }, r =>
        {
            r.Run("enable", "a.service");
            r.Run("enable", "b.service");
            r.CompareStates("a.service", "b.service", "blink.service", "taken.service");
        }),
        ["runtime-over-persistent"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("r.service", Svc + "[Install]\nWantedBy=multi-user.target\n", "/run/systemd/system");
            t.Link("/run/systemd/system/rm.service", "/dev/null");
            t.Root.Write("/opt/l.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
            t.Link("/run/systemd/system/l.service", "/opt/l.service");
        }, r =>
        {
            r.Run("enable", "a.service");
            r.Run("enable", "--runtime", "a.service");
            r.Run("enable", "r.service");
            r.CompareStates("a.service", "r.service", "rm.service", "l.service");
            r.Run("disable", "--runtime", "a.service");
            r.Run("disable", "r.service");
        }),
        ["template-presets"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("t@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=def\n", Lib);
            t.Unit("u@.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("v@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=dv\n", Lib);
            t.Root.Write("/usr/lib/systemd/system-preset/10-t.preset", "enable u@.service a b\ndisable v@.service\n");
        }, r =>
        {
            r.CompareStates();
            r.Run("preset", "t@.service", "u@.service", "v@.service");
            r.Run("enable", "v@.service");
            r.Run("preset-all");
            r.CompareStates("t@.service", "u@.service", "v@.service", "u@a.service", "u@c.service");
        }),
        ["no-upheldby-in-252-and-masked-templates"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("h.service", Svc + "[Install]\nUpheldBy=multi-user.target\n", Lib);
            t.Unit("m@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=x\n", Lib);
        }, r =>
        {
            r.Run("enable", "h.service");
            r.CompareStates("h.service");
            r.Run("mask", "m@.service");
            r.Run("enable", "m@y.service");
            r.CompareStates("m@.service", "m@y.service");
            r.Run("unmask", "m@");
            r.Run("mask", "m@z.service");
            r.CompareStates("m@.service", "m@z.service");
            r.Run("disable", "h.service");
        }),
        ["targets-and-default"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("custom.target", "[Unit]\nDescription=c\n[Install]\nWantedBy=multi-user.target\nAlias=c2.target\n",
                Lib);
        }, r =>
        {
            r.Run("enable", "multi-user.target");
            r.Run("enable", "custom.target");
            r.Run("set-default", "custom.target");
            r.Run("get-default");
            r.CompareStates("custom.target", "c2.target", "default.target", "graphical.target");
            r.Run("set-default", "c2.target");
            r.Run("get-default");
            r.Run("disable", "custom.target");
        }),
        // In a dependency folder a link counts by its name, even one pointing at /dev/null (systemd 252: enabled); a
        // top-level one is a mask.
        ["dev-null-link-in-wants"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            t.Unit("x.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("y.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Link(Etc + "/multi-user.target.wants/x.service", "/dev/null");
            t.Link("/run/systemd/system/multi-user.target.wants/y.service", "/dev/null");
        }, r =>
        {
            r.Run("is-enabled", "x.service", "y.service");
            r.CompareStates("x.service", "y.service");
        }),
        // More names in one is-enabled than are looked up link by link: the later ones use the whole link index.
        ["many-names-in-one-call"] = (t =>
        {
            InstallScenarios.BaseSystem(t);
            for (var i = 0; i < 12; i++)
                t.Unit($"s{i}.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("al.service", Svc + "[Install]\nWantedBy=multi-user.target\nAlias=al2.service\n", Lib);
            t.Unit("w@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=d\n", Lib);
            t.Link(Etc + "/other.service", Lib + "/s5.service");
            t.Link("/run/systemd/system/multi-user.target.wants/s7.service", Lib + "/s7.service");
        }, r =>
        {
            foreach (var name in (string[])["s0", "s1", "s2", "s4", "s9", "al", "w@d", "w@e"])
                r.Run("enable", name + ".service");
            string[] all = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "al", "al2",
                "w@", "w@d", "w@e", "w@f", "other"];
            r.Run(["is-enabled", .. all.Select(n => n + ".service")]);
            r.Run(["is-enabled", .. all.Reverse().Select(n => n + ".service")]);
            r.CompareStates([.. all.Select(n => n + ".service")]);
        }),
    };
}
