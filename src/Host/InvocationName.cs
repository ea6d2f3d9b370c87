namespace Platform.Host;

/// <summary>The base name the process was started as (argv[0]), which the apphost does not pass on.</summary>
internal static class InvocationName
{
    public static string Get()
    {
        try
        {
            Span<byte> buffer = stackalloc byte[512];
            using var f = File.OpenHandle("/proc/self/cmdline");
            var n = RandomAccess.Read(f, buffer, 0);
            var first = buffer[..n];
            var end = first.IndexOf((byte)0);
            if (end >= 0) first = first[..end];
            var slash = first.LastIndexOf((byte)'/');
            return System.Text.Encoding.UTF8.GetString(first[(slash + 1)..]);
        }
        catch (IOException)
        {
            return "systemctl";
        }
    }
}
