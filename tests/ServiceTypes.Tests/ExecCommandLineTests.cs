using Platform.Exec;

namespace Platform.ServiceTypes.Tests;

public sealed class ExecCommandLineTests
{
    [Theory]
    [InlineData("/bin/echo a b", "/bin/echo", "/bin/echo|a|b")]
    [InlineData("/bin/echo 'a b' \"c d\"", "/bin/echo", "/bin/echo|a b|c d")]
    [InlineData("/bin/echo a\"b c\"d", "/bin/echo", "/bin/echo|ab cd")]
    [InlineData("/bin/echo \\ttab \\x41 \\101 \\u00e9", "/bin/echo", "/bin/echo|\ttab|A|A|é")]
    [InlineData("/bin/echo 'it\\'s'", "/bin/echo", "/bin/echo|it's")]
    [InlineData("/bin/echo \\d", "/bin/echo", "/bin/echo|\\d")]
    [InlineData("@/bin/sh mysh -c true", "/bin/sh", "mysh|-c|true")]
    [InlineData("sleep 5", "sleep", "sleep|5")]
    [InlineData("//usr//bin/./env x", "/usr/bin/env", "//usr//bin/./env|x")]
    [InlineData("/bin/echo \\;", "/bin/echo", "/bin/echo|;")]
    [InlineData("/bin/echo a;b", "/bin/echo", "/bin/echo|a;b")]
    public void ParsesWordsQuotesAndEscapes(string value, string path, string argv)
    {
        var command = Assert.Single(ExecCommandLine.Parse(value));
        Assert.Equal(path, command.Path);
        Assert.Equal(argv, string.Join('|', command.Arguments));
    }

    [Theory]
    [InlineData("-/bin/true", true, false, false, false)]
    [InlineData("+/bin/true", false, true, false, false)]
    [InlineData("!/bin/true", false, false, true, false)]
    [InlineData("!!/bin/true", false, false, true, false)]
    [InlineData(":/bin/true", false, false, false, true)]
    [InlineData("-:+/bin/true", true, true, false, true)]
    [InlineData(":-!!/bin/true", true, false, true, true)]
    public void DecodesPrefixesInAnyOrder(string value, bool ignore, bool plus, bool bang, bool noExpand)
    {
        var command = Assert.Single(ExecCommandLine.Parse(value));
        Assert.Equal("/bin/true", command.Path);
        Assert.Equal((ignore, plus, bang, noExpand), (command.IgnoreFailure, command.FullPrivileges, command.NoSandbox,
            command.NoEnvironmentExpansion));
    }

    [Fact]
    public void AtPrefixCombinesWithOthersAndTakesNextWordAsArgv0()
    {
        var command = Assert.Single(ExecCommandLine.Parse("-@/bin/sleep snooze 1"));
        Assert.True(command.IgnoreFailure);
        Assert.Equal(["snooze", "1"], command.Arguments);
    }

    [Fact]
    public void SemicolonWordSeparatesCommands()
    {
        var commands = ExecCommandLine.Parse("/bin/echo one ; -/bin/echo two \\; three ; /bin/true");
        Assert.Equal(3, commands.Count);
        Assert.Equal(["/bin/echo", "one"], commands[0].Arguments);
        Assert.Equal(["/bin/echo", "two", ";", "three"], commands[1].Arguments);
        Assert.True(commands[1].IgnoreFailure);
        Assert.Equal("-/bin/echo two \\; three", commands[1].Raw);
        Assert.Equal("/bin/true", commands[2].Path);
    }

    [Theory]
    [InlineData("./run.sh", "Neither a valid executable name nor an absolute path: ./run.sh")]
    [InlineData("bin/run", "Neither a valid executable name nor an absolute path: bin/run")]
    [InlineData("/usr/bin/", "Executable path specifies a directory: /usr/bin/")]
    [InlineData("@/bin/sh", "Empty executable name or zeroeth argument: /bin/sh")]
    [InlineData("/bin/echo 'unterminated", "Unbalanced quoting in command line: /bin/echo 'unterminated")]
    [InlineData("+!/bin/true", "Neither a valid executable name nor an absolute path: !/bin/true")]
    public void RejectsBadCommandsWithOneLineMessage(string value, string message)
    {
        var e = Assert.Throws<FormatException>(() => ExecCommandLine.Parse(value));
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void DashPrefixTurnsABadCommandIntoNothing()
    {
        Assert.True(ExecCommandLine.TryParse("/bin/true ; -./relative", out var commands, out var error));
        Assert.Null(error);
        Assert.Equal("/bin/true", Assert.Single(commands).Path);
    }

    [Fact]
    public void FromUnitConcatenatesAssignmentsAndHonoursReset()
    {
        var unit = Support.TestUnits.Service(("ExecStart", "/bin/a"), ("ExecStart", ""), ("ExecStart", "/bin/b"),
            ("ExecStart", "/bin/c ; /bin/d"));
        Assert.Equal(["/bin/b", "/bin/c", "/bin/d"], ExecCommandLine.FromUnit(unit, "ExecStart").Select(c => c.Path));
    }

    [Fact]
    public void BareNamesResolveInTheFixedSearchPathAtRunTime()
    {
        Assert.Equal("/usr/bin/env", ExecutableResolver.Resolve("env"));
        var e = Assert.Throws<Platform.Abstractions.ServiceStartException>(() =>
            ExecutableResolver.Resolve("no-such-program-here"));
        Assert.Equal("Failed to locate executable no-such-program-here: No such file or directory", e.Message);
    }
}
