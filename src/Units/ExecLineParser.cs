using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Splits an <c>Exec*=</c> value into an <see cref="ExecCommand"/> per systemd.service(5) "Command lines":
/// prefixes <c>@ - : + ! !!</c>, quoting and escapes; <c>$VAR</c> stays for the executor.
/// </summary>
public static class ExecLineParser
{
    /// <summary>
    /// Parses one command line; returns null and a systemd-worded <paramref name="error"/> when it is unusable.
    /// </summary>
    /// <param name="value">The setting value.</param>
    /// <param name="error">Why the line is unusable.</param>
    /// <param name="fatal">True when systemd refuses the whole unit for it, false when it only ignores the
    /// line.</param>
    public static ExecCommand? TryParse(string value, out string? error, out bool fatal)
    {
        error = null;
        fatal = false;
        var i = 0;
        bool ignore = false, argv0 = false, noEnv = false, full = false, noSandbox = false;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '-' && !ignore) ignore = true;
            else if (c == '@' && !argv0) argv0 = true;
            else if (c == ':' && !noEnv) noEnv = true;
            else if (c == '+' && !full && !noSandbox) full = true;
            else if (c == '!' && !full && !noSandbox)
            {
                noSandbox = true;
                if (i + 1 < value.Length && value[i + 1] == '!') i++;
            }
            else break;
            i++;
        }
        if (!SystemdValues.SplitWords(value[i..], out var words))
        {
            // systemd refuses the unit (config_parse_exec returns -ENOEXEC): LoadState=bad-setting.
            error = $"Unbalanced quoting, ignoring: \"{value}\"";
            fatal = true;
            return null;
        }
        if (words.Count == 0 || (i < value.Length && char.IsWhiteSpace(value[i])))
        {
            error = $"Empty path in command line, ignoring: '{value}'";
            return null;
        }
        var path = words[0];
        if (!IsValidExecutable(path))
        {
            var known = path.Length > 0 && "-@:+!".Contains(path[0]);
            fatal = !known;
            error = known
                ? $"Neither a valid executable name nor an absolute path, ignoring: {path}"
                : $"Neither a valid executable name nor an absolute path: {path}";
            return null;
        }
        IReadOnlyList<string> args = words;
        if (argv0)
        {
            if (words.Count < 2)
            {
                error = $"Empty executable name or zeroeth argument, ignoring: {value}";
                return null;
            }
            var list = new List<string>(words.Count - 1) { words[1] };
            for (var k = 2; k < words.Count; k++) list.Add(words[k]);
            args = list;
        }
        return new ExecCommand
        {
            Path = path,
            Arguments = args,
            IgnoreFailure = ignore,
            FullPrivileges = full,
            NoSandbox = noSandbox,
            NoEnvironmentExpansion = noEnv,
            Raw = value,
        };
    }

    /// <summary>
    /// Absolute paths and bare file names (searched in the executor's fixed PATH) are valid; relative paths with a
    /// slash are not.
    /// </summary>
    public static bool IsValidExecutable(string path)
    {
        if (path.Length == 0) return false;
        if (path[0] == '/') return true;
        if (path.Contains('/')) return false;
        return path is not ("." or "..") && !"-@:+!".Contains(path[0]);
    }
}
