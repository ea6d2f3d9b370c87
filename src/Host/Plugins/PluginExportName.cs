namespace Platform.Host.Plugins;

/// <summary>
/// One export a plugin offers: its family (a <c>PluginKind</c> value) and the name configuration selects it by.
/// </summary>
public sealed record PluginExportName(string Kind, string Name)
{
    public override string ToString() => Kind + "/" + Name;
}
