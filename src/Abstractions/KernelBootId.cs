namespace Platform.Abstractions;

/// <summary>
/// The kernel's boot id (<c>/proc/sys/kernel/random/boot_id</c>), read once per process: the one reader that status
/// records, journal fields (<c>_BOOT_ID</c>) and <c>journalctl -b</c> share.
/// </summary>
public static class KernelBootId
{
    private static string? _text;
    private static string? _hex;

    /// <summary>As the kernel prints it (<c>8-4-4-4-12</c> hex digits); empty when unreadable.</summary>
    public static string Text => _text ??= Read();

    /// <summary>The 32 hex digits without dashes, as journald writes <c>_BOOT_ID</c>; empty when unreadable.</summary>
    public static string Hex => _hex ??= Text.Replace("-", "", StringComparison.Ordinal);

    /// <summary>The 16 bytes of the id; zeros when unreadable.</summary>
    public static byte[] Bytes()
    {
        var hex = Hex;
        if (hex.Length != 32) return new byte[16];
        try { return Convert.FromHexString(hex); }
        catch (FormatException) { return new byte[16]; }
    }

    private static string Read()
    {
        try { return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
