using Platform.Exec;

namespace Platform.ServiceTypes.Tests;

public sealed class VariableExpanderTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["ONE"] = "1",
        ["WORDS"] = "a  b\t'c d'",
        ["EMPTY"] = "",
        ["X/Y"] = "slash",
    };

    [Theory]
    [InlineData("${ONE}", "1")]
    [InlineData("pre${ONE}post", "pre1post")]
    [InlineData("${WORDS}", "a  b\t'c d'")]
    [InlineData("${MISSING}x", "x")]
    [InlineData("$$ONE", "$ONE")]
    [InlineData("cost$$5", "cost$5")]
    [InlineData("a$ONE", "a$ONE")]
    [InlineData("${ONE", "${ONE")]
    [InlineData("$", "$")]
    public void ExpandsInsideWords(string word, string expected)
        => Assert.Equal(expected, Assert.Single(VariableExpander.Expand([word], Env)));

    [Theory]
    [InlineData("$WORDS", "a|b|c d")]
    [InlineData("$ONE", "1")]
    [InlineData("$EMPTY", "")]
    [InlineData("$MISSING", "")]
    [InlineData("$X/Y", "slash")]
    public void WholeWordVariableSplitsIntoWords(string word, string expected)
    {
        var result = VariableExpander.Expand(["cmd", word, "end"], Env);
        Assert.Equal(expected, string.Join('|', result.Skip(1).SkipLast(1)));
        Assert.Equal("cmd", result[0]);
        Assert.Equal("end", result[^1]);
    }
}
