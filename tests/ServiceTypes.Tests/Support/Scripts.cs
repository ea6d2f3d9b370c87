namespace Platform.ServiceTypes.Tests.Support;

/// <summary>Script snippets for test services.</summary>
public static class Scripts
{
    /// <summary>The system python (not a pyenv shim: services get a fixed PATH and no pyenv environment).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>A python prelude with <c>notify(text)</c> sending one datagram to $NOTIFY_SOCKET.</summary>
    public const string NotifyPrelude = """
        import os, socket, sys, time
        def notify(text):
            addr = os.environ["NOTIFY_SOCKET"]
            if addr.startswith("@"):
                addr = "\0" + addr[1:]
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.connect(addr)
            s.send(text.encode())
            s.close()

        """;
}
