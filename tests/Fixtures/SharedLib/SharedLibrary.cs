namespace Fixture.SharedLib;

/// <summary>A library two plugins carry in different versions; each must see its own.</summary>
public static class SharedLibrary
{
    public static string Version => typeof(SharedLibrary).Assembly.GetName().Version!.ToString();
}
