namespace Platform.TestSupport;

/// <summary>Programs for socket-activated test services, written into a sandbox root.</summary>
public static class ActivatedServices
{
    /// <summary>
    /// A Python service in Python's sd_listen_fds() convention: checks LISTEN_PID against its own pid, takes LISTEN_FDS
    /// descriptors from fd 3, writes what it got to <c>ROOT/NAME.env</c> and answers every connection on any of them
    /// with <c>pid PID fds N names NAMES</c>, then closes it.
    /// </summary>
    public static string Python(ServiceSandbox box, string name)
    {
        var script = box.Root.WriteScript("/" + name + ".py", $$"""
            import os, selectors, socket
            fds = int(os.environ.get("LISTEN_FDS", "0")) if os.environ.get("LISTEN_PID") == str(os.getpid()) else 0
            names = os.environ.get("LISTEN_FDNAMES", "")
            with open("{{box.File(name + ".env")}}", "w") as f:
                f.write("LISTEN_FDS=%s LISTEN_PID=%s PID=%d LISTEN_FDNAMES=%s\n" % (
                    os.environ.get("LISTEN_FDS"), os.environ.get("LISTEN_PID"), os.getpid(), names))
            sel = selectors.DefaultSelector()
            for fd in range(3, 3 + fds):
                s = socket.socket(fileno=fd)
                s.setblocking(True)
                sel.register(s, selectors.EVENT_READ)
            while True:
                for key, _ in sel.select():
                    c, _ = key.fileobj.accept()
                    c.sendall(("pid %d fds %d names %s\n" % (os.getpid(), fds, names)).encode())
                    c.close()
            """);
        return $"/usr/bin/python3 {script}";
    }
}
