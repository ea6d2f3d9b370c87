using Platform.TestSupport;

namespace Platform.Units.Tests;

/// <summary>A temporary root with unit files, and a fresh repository over it that records warnings.</summary>
internal sealed class UnitTree : IDisposable
{
    public const string Etc = "/etc/systemd/system";
    public const string Run = "/run/systemd/system";
    public const string Lib = "/usr/lib/systemd/system";

    public TempRoot Root { get; } = new("platform-units-");
    public List<string> Warnings { get; } = [];

    public string Path => Root.Path;

    public string Unit(string name, string text, string folder = Etc) => Root.WriteUnit(name, text, folder);

    public string Service(string name, string extra = "", string folder = Etc)
        => Root.WriteUnit(name, $"[Service]\nExecStart=/bin/true\n{extra}", folder);

    public string Link(string inRoot, string target) => Root.Link(inRoot, target);

    public UnitRepository Repo() => new(UnitPaths.ForSystem(Root.Path), Warnings.Add);

    public UnitRepository UserRepo(string home = "/home/u") =>
        new(UnitPaths.ForUser(home, Root.Path, "/run/user/1000"), Warnings.Add);

    public void Dispose() => Root.Dispose();
}
