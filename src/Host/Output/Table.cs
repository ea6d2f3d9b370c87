using System.Text;

namespace Platform.Host.Output;

/// <summary>
/// systemctl's plain tables: columns padded to their widest cell and separated by one space, the last column unpadded.
/// An optional marker column (<c>●</c> for failed units) precedes the first column in <c>list-units</c>.
/// </summary>
internal sealed class Table
{
    private readonly string[] _headers;
    private readonly List<(string Marker, string[] Cells)> _rows = [];
    private readonly bool _markerColumn;

    public Table(bool markerColumn, params string[] headers)
    {
        _markerColumn = markerColumn;
        _headers = headers;
    }

    public int Count => _rows.Count;

    public void Add(string marker, params string[] cells) => _rows.Add((marker, cells));

    public void Write(TextWriter w, bool header)
    {
        var widths = new int[_headers.Length];
        for (var i = 0; i < widths.Length; i++) widths[i] = header ? _headers[i].Length : 0;
        foreach (var (_, cells) in _rows)
            for (var i = 0; i < widths.Length; i++) widths[i] = Math.Max(widths[i], cells[i].Length);
        var sb = new StringBuilder();
        if (header) Line(sb, "", _headers, widths);
        foreach (var (marker, cells) in _rows) Line(sb, marker, cells, widths);
        w.Write(sb.ToString());
    }

    private void Line(StringBuilder sb, string marker, string[] cells, int[] widths)
    {
        if (_markerColumn) sb.Append(marker.Length == 0 ? "  " : marker + " ");
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(cells[i]);
            if (i < cells.Length - 1) sb.Append(' ', widths[i] - cells[i].Length + 1);
        }
        // The last column is not padded, but trailing blanks from an empty last cell are trimmed.
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        sb.Append('\n');
    }
}
