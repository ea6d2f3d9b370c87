using Platform.TestSupport;

namespace Platform.Journal.Tests.Support;

/// <summary>Polling with seconds, for readability in tests.</summary>
internal static class Sandbox
{
    public static bool WaitFor(Func<bool> condition, double seconds) =>
        ServiceSandbox.WaitFor(condition, TimeSpan.FromSeconds(seconds));
}
