using System.Text;
using Platform.Abstractions;

namespace Platform.Units.Tests;

/// <summary>
/// Issue 11 item 9: unit files with bytes systemd refuses (unbalanced quotes in Exec lines, NUL bytes, invalid UTF-8,
/// lines of 1 MiB) load as systemd 252 loads them (bad-setting or error) with its file:line messages, compared with
/// <c>systemd-analyze verify</c> on the same bytes.
/// </summary>
[Trait("Category", "Differential")]
public sealed class BadInputDifferentialTests
{
    private static readonly string[] MessageFamilies = ["Unbalanced quoting", "String is not UTF-8 clean",
        "Missing '='"];

    public static TheoryData<string, string> Cases => new()
    {
        // Hex escapes below stand for raw bytes (see Bytes): \xff is one invalid UTF-8 byte.
        { "unterminated.service", "[Service]\nExecStart=/bin/echo \"unterminated\n" },
        { "single.service", "[Service]\nExecStart=-/bin/echo 'a\n" },
        { "escaped-quote.service", "[Service]\nExecStart=/bin/echo \"a\\\" b\n" },
        { "balanced.service", "[Service]\nExecStart=/bin/echo \"a b\" 'c'\n" },
        { "nul.service", "[Service]\nExecStart=/bin/echo a\\x00b\n" },
        { "nul-in-key.service", "[Service]\nExec\\x00Start=/bin/echo\nExecStart=/bin/true\n" },
        { "utf8-exec.service", "[Service]\nExecStart=/bin/echo \\xff\\xfe\n" },
        { "utf8-description.service", "[Unit]\nDescription=caf\\xe9\n[Service]\nExecStart=/bin/true\n" },
        { "utf8-header.service", "[Serv\\xffice]\nExecStart=/bin/true\n" },
        { "utf8-continued.service", "[Service]\nExecStart=/bin/true\nEnvironment=A=\\xff \\\n  B=2\n" },
        { "utf8-comment.service", "[Service]\n# caf\\xe9\nExecStart=/bin/true\n" },
        { "utf8-valid.service", "[Unit]\nDescription=café ☕\n[Service]\nExecStart=/bin/true\n" },
        { "long-line.service", "[Service]\nExecStart=/bin/echo " + new string('x', 1 << 20) + "\n" },
        { "long-comment.service", "[Service]\nExecStart=/bin/true\n#" + new string('x', (1 << 20) - 1) + "\n" },
        { "almost-long.service", "[Service]\nExecStart=/bin/true\n#" + new string('x', (1 << 20) - 2) + "\n" },
    };

    [DifferentialTheory]
    [MemberData(nameof(Cases))]
    public void LoadStateAndMessagesMatchSystemdAnalyzeVerify(string name, string text)
    {
        using var real = new UnitTree();
        using var ours = new UnitTree();
        var bytes = Bytes(text);
        File.WriteAllBytes(real.Unit(name, ""), bytes);
        File.WriteAllBytes(ours.Unit(name, ""), bytes);
        var r = RealSystemd.Verify(real.Path, name);
        var realLines = (r.Stdout + r.Stderr).Split('\n').Select(l => l.Replace(real.Path, "ROOT")).ToList();
        var unit = ours.Repo().Load(name);
        var ourLines = ours.Warnings.Append(unit.LoadError ?? "").Select(l => l.Replace(ours.Path, "ROOT")).ToList();
        var detail = $"real:\n{string.Join('\n', realLines)}\nours ({unit.LoadState}):\n{string.Join('\n', ourLines)}";

        var realBadSetting = realLines.Any(l => l.Contains("has a bad unit file setting", StringComparison.Ordinal));
        var realError = realLines.FirstOrDefault(l => l.Contains("failed to load properly", StringComparison.Ordinal));
        Assert.True(realBadSetting == (unit.LoadState == UnitLoadState.BadSetting), detail);
        Assert.True(realError is not null == (unit.LoadState == UnitLoadState.Error), detail);
        // The errno of a load failure is the same (EINVAL for invalid UTF-8, ENOBUFS for a long line).
        if (realError is not null)
            Assert.EndsWith(realError[(realError.LastIndexOf(": ", StringComparison.Ordinal) + 2)..], unit.LoadError);
        foreach (var line in realLines.Where(l => MessageFamilies.Any(l.Contains)))
            Assert.True(ourLines.Contains(line), $"missing message: {line}\n{detail}");
    }

    [Fact]
    public void InvalidUtf8IsNeverUsedWithReplacementCharacters()
    {
        using var tree = new UnitTree();
        File.WriteAllBytes(tree.Unit("r.service", ""), Bytes(
            "[Service]\nExecStart=/bin/echo ok\nEnvironment=A=\\xff\n"));
        var unit = tree.Repo().Load("r.service");
        Assert.Equal(UnitLoadState.Error, unit.LoadState);
        Assert.DoesNotContain(unit.Settings, s => s.Value.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnterminatedQuoteIsABadSettingWithFileAndLine()
    {
        using var tree = new UnitTree();
        var path = tree.Unit("q.service", "[Unit]\nDescription=x\n[Service]\nExecStart=/bin/sh -c 'echo\n");
        var unit = tree.Repo().Load("q.service");
        Assert.Equal(UnitLoadState.BadSetting, unit.LoadState);
        Assert.Equal($"{path}:4: Unbalanced quoting, ignoring: \"/bin/sh -c 'echo\"", unit.LoadError);
    }

    /// <summary>The text with each <c>\xHH</c> turned into that raw byte, everything else UTF-8.</summary>
    private static byte[] Bytes(string text)
    {
        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x' && Uri.IsHexDigit(text[i + 2])
                && Uri.IsHexDigit(text[i + 3]))
            {
                output.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
                continue;
            }
            var end = i + 1;
            while (end < text.Length && text[end] != '\\') end++;
            output.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
            i = end - 1;
        }
        return [.. output];
    }
}
