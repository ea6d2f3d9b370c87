namespace Platform.Units.Tests;

/// <summary>Unit trees and command sequences run against both the real systemctl and ours.</summary>
internal static class InstallScenarios
{
    public const string Lib = UnitTree.Lib;
    public const string Etc = UnitTree.Etc;

    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    /// <summary>
    /// A small "real system": the usual targets exist as files, default.target points to graphical.target.
    /// </summary>
    public static void BaseSystem(UnitTree t)
    {
        foreach (var target in (string[])["multi-user", "graphical", "basic", "sockets", "timers", "foo@"])
            t.Unit(target + ".target", "[Unit]\nDescription=" + target + "\n", Lib);
        t.Link(Lib + "/default.target", "graphical.target");
    }

    public static readonly Dictionary<string, (Action<UnitTree> Build, Action<DifferentialRun> Steps)> All = new()
    {
        ["plain"] = (t =>
        {
            BaseSystem(t);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
        }, r =>
        {
            r.Run("is-enabled", "a.service");
            r.Run("enable", "a.service");
            r.Run("enable", "a");
            r.CompareStates("a.service");
            r.Run("disable", "a.service");
            r.Run("disable", "a.service");
            r.CompareStates("a.service");
        }),
        ["wantedby-requiredby-alias-also"] = (t =>
        {
            BaseSystem(t);
            t.Unit("a.service",
                Svc + "[Install]\nWantedBy=multi-user.target graphical.target\nRequiredBy=basic.target\n"
                + "Alias=aa.service\nAlso=c.service\n", Lib);
            t.Unit("c.service", Svc + "[Install]\nWantedBy=sockets.target\nAlso=a.service\n", Lib);
            t.Unit("e.service", Svc + "[Install]\nWantedBy=multi-user.target\nAlias=e1.service e2.service\n");
        }, r =>
        {
            r.Run("enable", "a.service");
            r.CompareStates("a.service", "aa.service", "c.service");
            r.Run("enable", "aa.service");
            r.Run("disable", "aa.service");
            r.Run("enable", "e.service");
            r.CompareStates("e.service", "e1.service", "e2.service");
            r.Run("reenable", "e.service");
            r.Run("disable", "c.service");
            r.CompareStates("a.service", "c.service", "e.service");
        }),
        ["templates"] = (t =>
        {
            BaseSystem(t);
            t.Unit("t@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=one\n", Lib);
            t.Unit("u@.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("w@.service", Svc + "[Install]\nWantedBy=foo@.target\n", Lib);
            t.Unit("v@.service", Svc + "[Install]\nWantedBy=foo@%i.target\nAlias=valias@.service\nDefaultInstance=d\n",
                Lib);
        }, r =>
        {
            r.Run("enable", "t@.service");
            r.Run("enable", "t@two.service");
            r.CompareStates("t@.service", "t@one.service", "t@two.service", "t@three.service");
            r.Run("enable", "u@.service");
            r.Run("enable", "u@x.service");
            r.CompareStates("u@.service", "u@x.service", "u@y.service");
            r.Run("enable", "w@.service");
            r.Run("enable", "w@q.service");
            r.Run("enable", "v@.service");
            r.Run("enable", "v@e.service");
            r.CompareStates("w@.service", "w@q.service", "v@.service", "v@d.service", "valias@d.service");
            r.Run("disable", "t@two.service");
            r.Run("disable", "t@.service");
            r.Run("disable", "w@.service", "v@.service");
            r.CompareStates("t@.service", "w@.service", "v@.service");
        }),
        ["static-and-indirect"] = (t =>
        {
            BaseSystem(t);
            t.Unit("s.service", Svc, Lib);
            t.Unit("i.service", Svc + "[Install]\nAlso=a.service\n", Lib);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("garbage.service", "junk\n" + Svc, Lib);
        }, r =>
        {
            r.CompareStates("s.service", "i.service", "a.service", "garbage.service");
            r.Run("enable", "s.service");
            r.Run("enable", "s.service", "a.service");
            r.Run("enable", "i.service");
            r.CompareStates("i.service", "a.service");
            r.Run("disable", "i.service");
            r.Run("disable", "s.service");
            r.CompareStates("a.service");
        }),
        ["masks"] = (t =>
        {
            BaseSystem(t);
            t.Unit("m.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("e.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
            t.Unit("empty.service", "", Lib);
            t.Link(Lib + "/valias.service", "m.service");
            t.Link(Etc + "/calias.service", Lib + "/m.service");
        }, r =>
        {
            r.Run("mask", "m.service");
            r.CompareStates("m.service", "empty.service");
            r.Run("enable", "m.service");
            r.Run("disable", "m.service");
            r.Run("mask", "m.service");
            r.Run("unmask", "m.service");
            r.Run("unmask", "m.service");
            r.Run("mask", "nope.service");
            r.Run("mask", "nope2");
            r.Run("mask", "e.service");
            r.Run("mask", "calias.service");
            r.Run("mask", "--force", "calias.service");
            r.Run("mask", "--runtime", "m.service");
            r.CompareStates("m.service", "nope.service", "calias.service");
            r.Run("unmask", "--runtime", "m.service");
            r.Run("mask", "bad name");
            r.Run("unmask", "bad name");
            r.Run("mask", Lib + "/m.service");
            r.Run("enable", "empty.service");
        }),
        ["runtime"] = (t =>
        {
            BaseSystem(t);
            t.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\nAlias=ra.service\n", Lib);
        }, r =>
        {
            r.Run("enable", "--runtime", "a.service");
            r.CompareStates("a.service", "ra.service");
            r.Run("disable", "a.service");
            r.Run("disable", "--runtime", "a.service");
            r.CompareStates("a.service");
        }),
        ["presets"] = (t =>
        {
            BaseSystem(t);
            foreach (var n in (string[])["a", "b", "c", "d", "web-x", "web-y"])
                t.Unit(n + ".service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("t@.service", Svc + "[Install]\nWantedBy=multi-user.target\n", Lib);
            t.Unit("s.service", Svc, Lib);
            t.Root.Write("/usr/lib/systemd/system-preset/50-x.preset",
                "# comment\nenable a.service\n  ; other comment\ndisable b.*\nenable t@.service x y\n"
                + "disable web-?.service\n");
            t.Root.Write("/usr/lib/systemd/system-preset/60-y.preset", "disable a.service\nenable b.service\n");
            t.Root.Write("/usr/lib/systemd/system-preset/90-masked.preset", "disable d.service\n");
            t.Link("/etc/systemd/system-preset/90-masked.preset", "/dev/null");
            t.Root.Write("/usr/lib/systemd/system-preset/99-default.preset", "disable *\n");
            t.Root.Write("/etc/systemd/system-preset/99-default.preset", "enable c.service\n");
        }, r =>
        {
            r.CompareStates();
            r.Run("preset", "a.service", "b.service", "c.service", "d.service", "s.service");
            r.Run("preset", "t@.service");
            r.Run("preset", "t@x.service", "t@z.service");
            r.Run("enable", "b.service", "web-x.service");
            r.Run("preset", "--preset-mode=enable-only", "b.service");
            r.Run("preset", "--preset-mode=disable-only", "b.service");
            r.Run("preset-all");
            r.Run("enable", "web-y.service");
            r.Run("preset-all", "--preset-mode=enable-only");
            r.Run("preset-all", "--preset-mode=disable-only");
            r.Run("preset", "nope.service");
            r.CompareStates("a.service", "b.service", "t@.service");
        }),
        ["default-target"] = (t =>
        {
            BaseSystem(t);
            t.Unit("a.service", Svc, Lib);
        }, r =>
        {
            r.Run("get-default");
            r.Run("set-default", "multi-user.target");
            r.Run("get-default");
            r.Run("set-default", "multi-user");
            r.Run("set-default", "graphical.target");
            r.Run("set-default", "nope.target");
            r.Run("set-default", "a.service");
            r.CompareStates("default.target", "graphical.target", "multi-user.target");
        }),
    };
}
