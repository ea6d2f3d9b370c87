namespace Platform.Host.Tests.Reliability;

/// <summary>A theory run as a second local user (created when missing); skipped with the reason when that is impossible.</summary>
public sealed class SecondUserTheoryAttribute : TheoryAttribute
{
    public SecondUserTheoryAttribute()
    {
        if (LocalTestUser.Unavailable is { } why) Skip = why;
    }
}
