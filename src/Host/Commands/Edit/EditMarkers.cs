using System.Text;

namespace Platform.Host.Commands.Edit;

/// <summary>
/// The text systemd 252's <c>edit</c> puts around a drop-in: the current drop-in between two marker lines, then the
/// unit's files commented out below, for reference. Only what stands between the markers is kept.
/// </summary>
internal static class EditMarkers
{
    public const string Start =
        "### Anything between here and the comment below will become the new contents of the file";
    public const string End = "### Lines below this comment will be discarded";

    /// <summary>
    /// The temporary file's text: <paramref name="current"/> between the markers, each of <paramref name="context"/>
    /// commented.
    /// </summary>
    public static string Prefill(string inRoot, string current, IEnumerable<(string InRoot, string Text)> context)
    {
        var sb = new StringBuilder();
        sb.Append("### Editing ").Append(inRoot).Append('\n').Append(Start).Append("\n\n").Append(current);
        if (!current.EndsWith('\n')) sb.Append('\n');
        sb.Append('\n').Append(End);
        foreach (var (path, text) in context)
        {
            sb.Append("\n\n### ").Append(path);
            var body = text.Trim(Whitespace);
            if (body.Length > 0) sb.Append("\n# ").Append(body.Replace("\n", "\n# ", StringComparison.Ordinal));
        }
        return sb.ToString();
    }

    /// <summary>
    /// What the edit leaves: the text between the markers (or all of it without them), stripped of surrounding
    /// whitespace as systemd does.
    /// </summary>
    public static string Trim(string text)
    {
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var body = start >= 0 ? text[(start + Start.Length)..] : text;
        var end = body.IndexOf(End, StringComparison.Ordinal);
        if (end >= 0) body = body[..end];
        return body.Trim(Whitespace);
    }

    // systemd's strstrip() removes WHITESPACE: space, tab, newline, carriage return.
    private static readonly char[] Whitespace = [' ', '\t', '\n', '\r'];
}
