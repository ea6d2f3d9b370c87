namespace Platform.Units.Tests;

public sealed class HelperParsingTests
{
    [Theory]
    [InlineData("A=1", "A=1")]
    [InlineData("# comment\n; other\n\nA=1\nB = two words \n", "A=1|B=two words")]
    [InlineData("A=\"quoted \\\"x\\\" $y\"\n", "A=quoted \"x\" $y")]
    [InlineData("A='single \\n kept'\n", "A=single \\n kept")]
    [InlineData("A=one\\\ntwo\n", "A=onetwo")]
    [InlineData("A=\"multi\nline\"\n", "A=multi\nline")]
    [InlineData("A=x\"y\"\n", "A=x\"y\"")]
    [InlineData("A=a\\ b\\\\c\n", "A=a b\\c")]
    [InlineData("export A=1\nnovalue\n1A=2\nGOOD_1=3\n", "GOOD_1=3")]
    [InlineData("A=\n", "A=")]
    public void EnvironmentFilesFollowTheShellLikeRulesOfSystemdExec(string text, string expected)
        => Assert.Equal(expected, string.Join('|', EnvironmentFile.Parse(text).Select(kv => $"{kv.Key}={kv.Value}")));

    [Fact]
    public void EnvironmentAssignmentsSplitOnUnquotedSpaces()
    {
        var warnings = new List<string>();
        var result = EnvironmentFile.ParseAssignments("\"VAR1=word1 word2\" VAR2=word3 \"VAR3=$word 5 6\" bad",
            warnings.Add);
        Assert.Equal(["VAR1=word1 word2", "VAR2=word3", "VAR3=$word 5 6"], result.Select(kv => $"{kv.Key}={kv.Value}"));
        Assert.Equal(["Invalid environment assignment, ignoring: bad"], warnings);
        Assert.Same(UnitRepository.ParseEnvironmentAssignments("A=1").GetType(), result.GetType());
    }

    [Fact]
    public void EnvironmentFileIsReadFromDisk()
    {
        using var tree = new UnitTree();
        var path = tree.Root.Write("/etc/default/app", "PORT=8080\n");
        Assert.Equal("8080", UnitRepository.ReadEnvironmentFile(path)[0].Value);
    }

    [Theory]
    [InlineData("/bin/echo a \"b c\"", "/bin/echo", "/bin/echo|a|b c", "")]
    [InlineData("-/bin/false", "/bin/false", "/bin/false", "-")]
    [InlineData("@/bin/sleep mysleep 5", "/bin/sleep", "mysleep|5", "@")]
    [InlineData("+:/bin/x", "/bin/x", "/bin/x", "+:")]
    [InlineData("!!/bin/x", "/bin/x", "/bin/x", "!")]
    [InlineData("true", "true", "true", "")]
    public void ExecLinesSplitIntoPathArgumentsAndPrefixes(string line, string path, string args, string flags)
    {
        var cmd = ExecLineParser.TryParse(line, out var error, out _);
        Assert.Null(error);
        Assert.NotNull(cmd);
        Assert.Equal(path, cmd.Path);
        Assert.Equal(args, string.Join('|', cmd.Arguments));
        Assert.Equal(flags.Contains('-'), cmd.IgnoreFailure);
        Assert.Equal(flags.Contains('+'), cmd.FullPrivileges);
        Assert.Equal(flags.Contains(':'), cmd.NoEnvironmentExpansion);
        Assert.Equal(flags.Contains('!'), cmd.NoSandbox);
    }

    [Theory]
    [InlineData("web@blue.service", true, false, "web@.service", "blue", "web")]
    [InlineData("web@.service", false, true, null, null, "web")]
    [InlineData("a-b.socket", false, false, null, null, "a-b")]
    public void UnitNamesSplitIntoTemplateInstanceAndPrefix(string name, bool instance, bool template,
        string? templateOf, string? instanceOf, string prefix)
    {
        Assert.True(UnitNames.IsValid(name));
        Assert.Equal(instance, UnitNames.IsInstance(name));
        Assert.Equal(template, UnitNames.IsTemplate(name));
        Assert.Equal(templateOf, UnitNames.TemplateOf(name));
        Assert.Equal(instanceOf, UnitNames.InstanceOf(name));
        Assert.Equal(prefix, UnitNames.PrefixOf(name));
    }

    [Theory]
    [InlineData("foo", false)]
    [InlineData("a b.service", false)]
    [InlineData("@x.service", false)]
    [InlineData("a@b@c.service", false)]
    [InlineData("x.bogus", false)]
    [InlineData("a\\x20b.service", true)]
    public void InvalidNamesAreRecognised(string name, bool valid) => Assert.Equal(valid, UnitNames.IsValid(name));

    [Theory]
    [InlineData("/dev/sda", "dev-sda")]
    [InlineData("/", "-")]
    [InlineData("//foo//bar/", "foo-bar")]
    [InlineData("/a-b c", "a\\x2db\\x20c")]
    public void PathEscapingRoundTrips(string path, string escaped)
    {
        Assert.Equal(escaped, UnitNameEscaping.EscapePath(path));
        Assert.Equal(RootedPath.Normalize(path), UnitNameEscaping.UnescapePath(escaped));
    }
}
