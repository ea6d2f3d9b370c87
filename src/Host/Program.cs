namespace Platform.Host;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine("systemctl placeholder");
        return 0;
    }
}
