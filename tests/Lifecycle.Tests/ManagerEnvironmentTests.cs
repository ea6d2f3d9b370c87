using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// show-/set-/unset-/import-environment: systemd 252's output and messages, and what services started later get.
/// </summary>
public sealed class ManagerEnvironmentTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void ShowEnvironmentPrintsTheDefaultsThenTheSetVariablesSortedAndQuotedAsSystemd252()
    {
        var set = _box.Systemctl("set-environment", "B=x y", "A=1", "C=$foo", "D=it's", "E=", @"F=a\b", "G=tab\there",
            "H=nl\nx",
            "I=é", "J=*", "K=a=b", "AB=2", "A_=3", "M=~x", "Q=\u0001z", "PATH=/opt/bin");

        Assert.True(set.ExitCode == 0, set.ToString());
        var show = _box.Systemctl("show-environment");
        Assert.Equal(0, show.ExitCode);
        // Output captured from systemd 252 for the same calls: PATH is replaced in place, the rest follows in strcmp
        // order.
        Assert.Equal(
            "LANG=C.UTF-8\nPATH=/opt/bin\nA=1\nAB=2\nA_=3\nB=$'x y'\nC=$'$foo'\nD=$'it\\'s'\nE=\nF=$'a\\\\b'\n" +
            "G=$'tab\\there'\nH=$'nl\\nx'\nI=é\nJ=$'*'\nK=a=b\nM=~x\nQ=$'\\001z'\n", show.Stdout);
        // show lists the same block as one property, each string double-quoted when needed, as systemd 252's show does.
        Assert.Equal(
            "Environment=LANG=C.UTF-8 PATH=/opt/bin A=1 AB=2 A_=3 \"B=x y\" \"C=\\$foo\" \"D=it's\" E= \"F=a\\\\b\" " +
            "\"G=tab\\there\" \"H=nl\\nx\" I=é \"J=*\" K=a=b M=~x \"Q=\\001z\"\n",
                _box.Systemctl("show", "-p", "Environment").Stdout);
    }

    [Fact]
    public void UnsetRemovesByNameOrOnlyAMatchingAssignmentAndBringsADefaultBack()
    {
        _box.Systemctl("set-environment", "A=1", "B=2", "PATH=/opt/bin");

        Assert.Equal(0, _box.Systemctl("unset-environment", "A=2").ExitCode);
        Assert.Equal(0, _box.Systemctl("unset-environment", "B", "PATH", "LANG", "NOTSET").ExitCode);

        Assert.Equal("LANG=C.UTF-8\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nA=1\n",
            _box.Systemctl("show-environment").Stdout);
    }

    [Fact]
    public void InvalidAssignmentsAndNamesFailWithSystemdsMessagesAndChangeNothing()
    {
        var set = _box.Systemctl("set-environment", "GOOD=1", "1BAD=x");
        var unset = _box.Systemctl("unset-environment", "bad-name");
        var import = Published.Run(["--root=" + _box.Path, "import-environment", "FOO", "bad-x"],
            new Dictionary<string, string?> { ["FOO"] = "1" });

        Assert.Equal((1, "Failed to set environment: Invalid environment assignments\n"), (set.ExitCode, set.Stderr));
        Assert.Equal((1, "Failed to set environment: Invalid environment variable names or assignments\n"),
            (unset.ExitCode, unset.Stderr));
        Assert.Equal((1, "Not a valid environment variable name: bad-x\n"), (import.ExitCode, import.Stderr));
        Assert.DoesNotContain("GOOD", _box.Systemctl("show-environment").Stdout);
        Assert.DoesNotContain("FOO", _box.Systemctl("show-environment").Stdout);
    }

    [Fact]
    public void ImportEnvironmentTakesNamedVariablesFromTheCallerAndWarnsAboutMissingOnes()
    {
        var env = new Dictionary<string, string?> { ["IMPORTED_ONE"] = "a b", ["IMPORTED_TWO"] = "2" };

        var named = Published.Run(["--root=" + _box.Path, "import-environment", "IMPORTED_ONE", "NOT_THERE_AT_ALL"],
            env);
        var all = Published.Run(["--root=" + _box.Path, "import-environment"], env);

        Assert.Equal((0, "Environment variable $NOT_THERE_AT_ALL not set, ignoring.\n"),
            (named.ExitCode, named.Stderr));
        Assert.Equal((0, "Calling import-environment without a list of variable names is deprecated.\n"),
            (all.ExitCode, all.Stderr));
        var show = _box.Systemctl("show-environment").Stdout;
        Assert.Contains("IMPORTED_ONE=$'a b'\n", show);
        Assert.Contains("IMPORTED_TWO=2\n", show);
    }

    [Fact]
    public void ServicesStartedLaterGetTheManagerEnvironmentBeneathTheirOwnEnvironment()
    {
        var dump = _box.File("env.out");
        _box.Unit("dump.service",
            $"[Service]\nType=oneshot\nEnvironment=OVERRIDDEN=unit\nExecStart=/bin/sh -c 'env > {dump}'\n");

        Assert.Equal(0, _box.Systemctl("set-environment", "FROM_MANAGER=yes", "OVERRIDDEN=manager").ExitCode);
        var first = _box.Systemctl("start", "dump");

        Assert.True(first.ExitCode == 0, first.ToString());
        var env = File.ReadAllLines(dump);
        Assert.Contains("FROM_MANAGER=yes", env);
        Assert.Contains("OVERRIDDEN=unit", env);
        Assert.Contains("LANG=C.UTF-8", env);
        Assert.Contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", env);

        Assert.Equal(0, _box.Systemctl("unset-environment", "FROM_MANAGER").ExitCode);
        File.Delete(dump);
        Assert.Equal(0, _box.Systemctl("start", "dump").ExitCode);

        Assert.DoesNotContain(File.ReadAllLines(dump), l => l.StartsWith("FROM_MANAGER=", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLocaleComesFromLocaleConf()
    {
        _box.Root.Write("/etc/locale.conf", "LANG=de_DE.UTF-8\nLC_TIME=en_GB.UTF-8\nLC_CTYPE=de_DE.UTF-8\n");

        Assert.Equal(
            "LANG=de_DE.UTF-8\nLC_TIME=en_GB.UTF-8\n"
            + "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n",
            _box.Systemctl("show-environment").Stdout);
    }
}
