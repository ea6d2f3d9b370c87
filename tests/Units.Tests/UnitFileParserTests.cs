namespace Platform.Units.Tests;

public sealed class UnitFileParserTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // text, expected settings as "Section.Key=Value@line;...", case label
        { "[Service]\nExecStart=/bin/true\n", "Service.ExecStart=/bin/true@2", "plain" },
        { "# c\n; c\n[Unit]\n  Description = hello world  \n", "Unit.Description=hello world@4",
            "comments and trimming" },
        { "[Service]\nExecStart=/bin/echo a \\\n  b\n", "Service.ExecStart=/bin/echo a    b@3",
            "continuation replaces backslash by a space" },
        { "[Service]\nExecStart=/bin/echo a\\\n# skipped\n; skipped too\n b\n", "Service.ExecStart=/bin/echo a  b@5",
            "comment inside continuation is skipped" },
        { "[Service]\n# c \\\nExecStart=/bin/true\n", "Service.ExecStart=/bin/true@3",
            "comment line ending in backslash is no continuation" },
        { "[Unit]\nDescription=a\\\\\n[Service]\nExecStart=/x\n", "Unit.Description=a\\\\@2;Service.ExecStart=/x@4",
            "escaped backslash is no continuation" },
        { "[Service]\nExecStart=/bin/echo a\\\n\nType=simple\n",
            "Service.ExecStart=/bin/echo a@3;Service.Type=simple@4", "blank line ends a continuation" },
        { "[Service]\r\nExecStart=/bin/true\r\n", "Service.ExecStart=/bin/true@2", "CRLF line ends" },
        { "[Unit]\nAfter=a\nAfter=b\nAfter=\nAfter=c\n", "Unit.After=a@2;Unit.After=b@3;Unit.After=@4;Unit.After=c@5",
            "duplicates kept in order" },
        { "[Unit]\nafter=a\n", "Unit.after=a@2", "keys are case-sensitive" },
        { " [Unit] \nA=1\n[Install]\nB=2\n[Unit]\nC=3\n", "Unit.A=1@2;Install.B=2@4;Unit.C=3@6",
            "sections may repeat" },
        { "[Service]\nEnvironment=\"A=b c\" D=e\n", "Service.Environment=\"A=b c\" D=e@2", "quotes kept raw" },
        { "[Unit]\nDescription=a=b\n", "Unit.Description=a=b@2", "value may contain =" },
        { "[Service]\nExecStart=/bin/echo a\\", "Service.ExecStart=/bin/echo a@2", "continuation at end of file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParsesSettingsWithLinesAsSystemdSyntaxDescribes(string text, string expected, string label)
    {
        var parsed = UnitFileParser.Parse(text, "/u", null);
        var actual = string.Join(';', parsed.Settings.Select(s => $"{s.Section}.{s.Key}={s.Value}@{s.Line}"));
        Assert.True(expected == actual, $"{label}: expected {expected}, got {actual}");
        Assert.All(parsed.Settings, s => Assert.Equal("/u", s.Source));
        Assert.Null(parsed.FatalError);
    }

    [Theory]
    [InlineData("junk\n[Service]\nA=1\n", "/u:1: Assignment outside of section. Ignoring.")]
    [InlineData("[Service]\nnoequals\n", "/u:2: Missing '=', ignoring line.")]
    [InlineData("[Service]\n=foo\n", "/u:2: Missing key name before '=', ignoring line.")]
    public void BadLinesWarnWithFileAndLineAndAreSkipped(string text, string warning)
    {
        var warnings = new List<string>();
        var parsed = UnitFileParser.Parse(text, "/u", warnings.Add);
        Assert.Equal([warning], warnings);
        Assert.DoesNotContain(parsed.Settings, s =>
            s.Key.Contains("junk") || s.Key.Contains("noequals") || s.Key.Length == 0);
    }

    [Fact]
    public void InvalidSectionHeaderIsFatalWithFileAndLine()
    {
        var parsed = UnitFileParser.Parse("[Service]\nExecStart=/x\n[Unit\nA=1\n", "/u", null);
        Assert.Equal("/u:3: Invalid section header '[Unit'", parsed.FatalError);
    }

    [Fact]
    public void SectionHeadersAreReportedWithLines()
    {
        var parsed = UnitFileParser.Parse("[Unit]\n\n[Foo]\nA=1\n", "/u", null);
        Assert.Equal([new SectionHeader("Unit", 1), new SectionHeader("Foo", 3)], parsed.Sections);
    }

    [Fact]
    public void UnreadableFileGivesFatalErrorInsteadOfThrowing()
    {
        var parsed = UnitFileParser.ParseFile("/nonexistent/x.service", null);
        Assert.Equal("Failed to load /nonexistent/x.service: No such file or directory", parsed.FatalError);
    }
}
