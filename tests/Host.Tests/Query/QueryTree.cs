using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

/// <summary>
/// A small root for query tests: a service with an alias and drop-in, a helper it wants, a template, a mask.
/// </summary>
internal static class QueryTree
{
    public const string Etc = "/etc/systemd/system";

    public static TempRoot Create()
    {
        var t = new TempRoot("platform-query-");
        t.WriteUnit("multi-user.target", "[Unit]\nDescription=Multi-User System\n", "/usr/lib/systemd/system");
        t.WriteUnit("web.service",
            "[Unit]\nDescription=Web server\nDocumentation=man:web(8)\nWants=helper.service\nAfter=helper.service\n"
            + "[Service]\nType=notify\nExecStart=/usr/bin/web --port 80\nEnvironment=A=1 \"B=two words\"\n"
            + "[Install]\nWantedBy=multi-user.target\nAlias=www.service\n");
        t.Write(Etc + "/web.service.d/10-timeout.conf", "[Service]\nTimeoutStartSec=2min\n");
        t.WriteUnit("helper.service", "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        t.WriteUnit("worker@.service", "[Unit]\nDescription=Worker %i\n[Service]\nExecStart=/bin/sleep 100\n");
        t.Link(Etc + "/gone.service", "/dev/null");
        t.Link(Etc + "/multi-user.target.wants/web.service", "../web.service");
        t.Link(Etc + "/www.service", "web.service");
        return t;
    }
}
