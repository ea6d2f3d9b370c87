using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// Parses <c>Exec*=</c> values into <see cref="ExecCommand"/>s (systemd.service(5), "Command lines"):
/// the prefixes <c>- @ : + ! !!</c> in any order (each once; <c>+</c>, <c>!</c>, <c>!!</c> exclusive),
/// quoting and C escapes, <c>;</c> between commands, an absolute path or a bare name for the search path.
/// </summary>
internal static class ExecCommandLine
{
    /// <summary>Parses one assignment's value; throws <see cref="FormatException"/> with a one-line reason.</summary>
    public static IReadOnlyList<ExecCommand> Parse(string value)
        => TryParse(value, out var commands, out var error) ? commands : throw new FormatException(error);

    /// <summary>
    /// The commands of every assignment of <paramref name="key"/> in the unit's [Service] section (an empty assignment
    /// resets the list).
    /// </summary>
    public static IReadOnlyList<ExecCommand> FromUnit(UnitDefinition unit, string key, string section = "Service")
    {
        var all = new List<ExecCommand>();
        foreach (var value in unit.GetList(section, key))
            all.AddRange(Parse(value));
        return all;
    }

    /// <summary>Parses one assignment's value; on failure returns false and a one-line error.</summary>
    public static bool TryParse(string value, out IReadOnlyList<ExecCommand> commands, out string? error)
    {
        var result = new List<ExecCommand>();
        commands = result;
        var words = ExecWordSplitter.Split(value, out error);
        if (words is null) return false;
        var i = 0;
        while (i < words.Count)
        {
            // A lone ";" (even quoted) in command position only separates.
            if (words[i].Value == ";" && (words[i].IsSeparator || !IsEscapedSemicolon(value, words[i])))
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < words.Count && !words[end].IsSeparator) end++;
            var command = Build(value, words, i, end, out error, out var skipRest);
            if (skipRest) return error is null;
            result.Add(command!);
            i = end;
        }
        return true;
    }

    private static bool IsEscapedSemicolon(string value, ExecWord word) =>
        value.AsSpan(word.Start, word.End - word.Start) is "\\;";

    private static ExecCommand? Build(string value, List<ExecWord> words, int from, int to, out string? error,
        out bool stop)
    {
        error = null;
        stop = false;
        var text = words[from].Value;
        var ignore = false; var separateArgv0 = false; var noExpand = false; var plus = false; var bang = 0;
        var p = 0;
        for (; p < text.Length; p++)
        {
            var c = text[p];
            if (c == '-' && !ignore) ignore = true;
            else if (c == '@' && !separateArgv0) separateArgv0 = true;
            else if (c == ':' && !noExpand) noExpand = true;
            else if (c == '+' && !plus && bang == 0) plus = true;
            else if (c == '!' && !plus && bang < 2) bang++;
            else break;
        }
        var path = text[p..];
        var raw = value[words[from].Start..words[to - 1].End];
        var problem = ExecutableResolver.ValidateName(path);
        if (problem is null && separateArgv0 && to - from < 2) problem = "Empty executable name or zeroeth argument";
        if (problem is not null)
        {
            stop = true;
            // "-" turns a bad command into a warning: systemd drops the rest of the line.
            if (!ignore) error = $"{problem}: {(path.Length == 0 ? raw : path)}";
            return null;
        }
        var argv = new List<string>(to - from);
        if (!separateArgv0) argv.Add(path);
        for (var k = from + 1; k < to; k++) argv.Add(words[k].Value);
        return new ExecCommand
        {
            Path = ExecutableResolver.Simplify(path),
            Arguments = argv,
            IgnoreFailure = ignore,
            FullPrivileges = plus,
            NoSandbox = bang > 0,
            NoEnvironmentExpansion = noExpand,
            Raw = raw,
        };
    }
}
