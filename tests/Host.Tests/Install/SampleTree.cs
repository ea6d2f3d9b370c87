using Platform.TestSupport;

namespace Platform.Host.Tests.Install;

/// <summary>
/// A small but varied system for differential runs: vendor targets and units, an admin unit with WantedBy,
/// RequiredBy, Alias and Also, a template with DefaultInstance, drop-ins, a mask, a linked file, presets and a SysV
/// script.
/// </summary>
internal static class SampleTree
{
    public const string Lib = "/usr/lib/systemd/system";
    public const string Etc = "/etc/systemd/system";
    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    public static void Build(TempRoot t)
    {
        foreach (var target in (string[])["multi-user", "graphical", "basic", "sockets", "timers", "sysinit", "rescue"])
            t.WriteUnit(target + ".target", $"[Unit]\nDescription={target}\n", Lib);
        t.Link(Lib + "/default.target", "graphical.target");
        t.WriteUnit("web.service", "[Unit]\nDescription=Web\n" + Svc
            + "[Install]\nWantedBy=multi-user.target\nAlias=www.service\nAlso=helper.service\n");
        t.WriteUnit("helper.service", Svc + "[Install]\nRequiredBy=graphical.target\n");
        t.WriteUnit("worker@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=one\n");
        t.WriteUnit("plain.service", Svc);
        t.WriteUnit("tuned.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
        t.Write(Etc + "/tuned.service.d/10-env.conf", "[Service]\nEnvironment=A=1\n");
        t.WriteUnit("vendor.service", "[Unit]\nDescription=Vendor\n" + Svc + "[Install]\nWantedBy=multi-user.target\n",
            Lib);
        t.WriteUnit("timerjob.timer", "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n", Lib);
        t.WriteUnit("timerjob.service", Svc, Lib);
        t.WriteUnit("listen.socket", "[Socket]\nListenStream=/run/listen.sock\n[Install]\nWantedBy=sockets.target\n",
            Lib);
        t.WriteUnit("listen.service", Svc, Lib);
        t.Link(Etc + "/gone.service", "/dev/null");
        t.Write("/opt/extra/linked.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
        t.Write("/usr/lib/systemd/system-preset/90-sample.preset",
            "enable web.service\nenable vendor.service\nenable worker@.service two three\nenable listen.socket\n"
                + "disable *\n");


    }
}
