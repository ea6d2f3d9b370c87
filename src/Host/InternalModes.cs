namespace Platform.Host;

/// <summary>Hidden modes the binary re-executes itself in (never typed by users).</summary>
internal static class InternalModes
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine($"systemctl: unknown internal mode {args[0]}");
        return 1;
    }
}
