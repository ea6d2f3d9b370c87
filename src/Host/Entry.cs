namespace Platform.Host;

/// <summary>Entry points of the companion tools that share this binary.</summary>
internal static class Entry
{
    public static int Journalctl(string[] args)
    {
        Console.Error.WriteLine("journalctl: not available in this build yet");
        return 1;
    }

    public static int SystemdNotify(string[] args)
    {
        Console.Error.WriteLine("systemd-notify: not available in this build yet");
        return 1;
    }
}
