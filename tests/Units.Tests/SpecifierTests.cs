using System.Globalization;

namespace Platform.Units.Tests;

public sealed class SpecifierTests
{
    private static string Expand(UnitTree tree, string unit, string spec, string file = "web-front@.service",
        bool user = false)
    {
        tree.Unit(file, $"[Unit]\nDescription={spec}\n[Service]\nExecStart=/bin/true\n",
            user ? "/home/u/.config/systemd/user" : UnitTree.Lib);
        var repo = user ? tree.UserRepo() : tree.Repo();
        return repo.Load(unit).Get("Unit", "Description") ?? "(dropped)";
    }

    [Theory]
    [InlineData("%n", "web-front@a-b\\x2dc.service")]
    [InlineData("%N", "web-front@a-b\\x2dc")]
    [InlineData("%p", "web-front")]
    [InlineData("%P", "web/front")]
    [InlineData("%i", "a-b\\x2dc")]
    [InlineData("%I", "a/b-c")]
    [InlineData("%j", "front")]
    [InlineData("%J", "front")]
    [InlineData("%f", "/a/b-c")]
    [InlineData("%t", "/run")]
    [InlineData("%S", "/var/lib")]
    [InlineData("%C", "/var/cache")]
    [InlineData("%L", "/var/log")]
    [InlineData("%E", "/etc")]
    [InlineData("%h", "/root")]
    [InlineData("%u", "root")]
    [InlineData("%U", "0")]
    [InlineData("%g", "root")]
    [InlineData("%G", "0")]
    [InlineData("%s", "/bin/sh")]
    [InlineData("%d", "/run/credentials/web-front@a-b\\x2dc.service")]
    [InlineData("%y", "/usr/lib/systemd/system/web-front@.service")]
    [InlineData("%Y", "/usr/lib/systemd/system")]
    [InlineData("100%% %i", "100% a-b\\x2dc")]
    [InlineData("trailing %", "trailing %")]
    public void UnitSpecifiersResolveFromTheName(string spec, string expected)
    {
        using var tree = new UnitTree();
        Assert.Equal(expected, Expand(tree, "web-front@a-b\\x2dc.service", spec));
    }

    [Fact]
    public void PlainUnitHasEmptyInstanceAndPrefixIsTheWholeName()
    {
        using var tree = new UnitTree();
        Assert.Equal("[] [plain-name] [/plain/name]", Expand(tree, "plain-name.service", "[%i] [%p] [%f]",
            "plain-name.service"));
    }

    [Fact]
    public void HostSpecifiersComeFromTheKernelAndTheRoot()
    {
        using var tree = new UnitTree();
        tree.Root.Write("/etc/machine-id", "0123456789abcdef0123456789abcdef\n");
        tree.Root.Write("/etc/os-release",
            "ID=testos\nVERSION_ID=\"4.2\"\nVARIANT_ID=box\nBUILD_ID=b1\nIMAGE_ID=img\nIMAGE_VERSION=9\n");
        var host = File.ReadAllText("/proc/sys/kernel/hostname").Trim();
        var kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        var boot = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim().Replace("-", "");
        var expected =
            $"{host}|{host.Split('.')[0]}|0123456789abcdef0123456789abcdef|{boot}|{kernel}|testos|4.2|box|b1|img|9";
        Assert.Equal(expected, Expand(tree, "a.service", "%H|%l|%m|%b|%v|%o|%w|%W|%B|%M|%A", "a.service"));
        Assert.Contains(Expand(tree, "a.service", "%a", "a.service"),
            (string[])["x86-64", "arm64", "x86", "arm", "s390x", "ppc64-le", "riscv64", "loongarch64"]);
    }

    [Fact]
    public void UserModeSpecifiersPointIntoTheHomeAndRuntimeFolders()
    {
        using var tree = new UnitTree();
        var uid = ProcessIdentity.Current.Uid.ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"/home/u|/run/user/1000|/home/u/.config|{uid}",
            Expand(tree, "a.service", "%h|%t|%E|%U", "a.service", user: true));
    }

    [Fact]
    public void UnknownSpecifierDropsTheSettingWithAWarning()
    {
        using var tree = new UnitTree();
        Assert.Equal("(dropped)", Expand(tree, "a.service", "bad %z", "a.service"));
        Assert.Contains(tree.Warnings, w =>
            w.EndsWith("a.service:2: Failed to resolve unit specifiers in 'bad %z', ignoring: Invalid slot",
            StringComparison.Ordinal));
    }

    [Fact]
    public void DollarVariablesAreLeftForTheExecutor()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "[Service]\nExecStart=/bin/echo $HOME ${X} %n\n");
        Assert.Equal(["/bin/echo $HOME ${X} a.service"], tree.Repo().Load("a.service").GetList("Service", "ExecStart"));
    }
}
