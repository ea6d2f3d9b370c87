namespace Platform.LogSinks.FileJournal;

/// <summary>The kernel's boot id (<c>_BOOT_ID</c>) as 16 bytes; zeros when unreadable.</summary>
internal static class BootId
{
    public static byte[] Current()
    {
        try
        {
            var text = System.IO.File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim().Replace("-", "");
            return text.Length == 32 ? Convert.FromHexString(text) : new byte[16];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return new byte[16];
        }
    }
}
