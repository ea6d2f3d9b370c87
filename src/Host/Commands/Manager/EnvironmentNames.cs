namespace Platform.Host.Commands.Manager;

/// <summary>
/// systemd's env_name_is_valid and env_assignment_is_valid: what the manager accepts in its environment.
/// </summary>
internal static class EnvironmentNames
{
    /// <summary>Letters, digits and underscores, not starting with a digit (VALID_BASH_ENV_NAME_CHARS).</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }

    /// <summary>
    /// A <c>NAME=VALUE</c> with a valid name; any value is allowed (systemd permits control characters).
    /// </summary>
    public static bool TrySplitAssignment(string text, out KeyValuePair<string, string> assignment)
    {
        var eq = text.IndexOf('=');
        assignment = eq > 0 ? new(text[..eq], text[(eq + 1)..]) : default;
        return eq > 0 && IsValidName(assignment.Key);
    }
}
