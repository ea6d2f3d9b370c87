using System.Text.Json;

namespace Platform.Host.Plugins;

/// <summary>
/// Parses <c>plugin.json</c> with <see cref="Utf8JsonReader"/>: no reflection, cheap enough to run for every folder on
/// every call.
/// </summary>
internal static class PluginManifestReader
{
    /// <summary>Parses a manifest; on failure returns null and a one-line reason.</summary>
    public static PluginManifest? Parse(ReadOnlySpan<byte> json, out string? error)
    {
        try
        {
            var manifest = ParseCore(json, out error);
            return error is null ? manifest : null;
        }
        catch (JsonException e)
        {
            error = $"invalid JSON at line {e.LineNumber + 1}";
            return null;
        }
        catch (ManifestFormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static PluginManifest? ParseCore(ReadOnlySpan<byte> json, out string? error)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true });
        string? name = null, version = null, contracts = null;
        List<string>? assemblies = null;
        List<PluginExportName>? exports = null;
        Dictionary<PluginExportName, string>? types = null;
        error = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return Fail("expected a JSON object", out error);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "name": name = ReadString(ref reader, property); break;
                case "version": version = ReadString(ref reader, property); break;
                case "contracts": contracts = ReadString(ref reader, property); break;
                case "assemblies": assemblies = ReadStrings(ref reader, property); break;
                case "exports": exports = ReadExports(ref reader, out types); break;
                default: reader.Skip(); break;
            }
        }
        if (string.IsNullOrWhiteSpace(name)) return Fail("missing \"name\"", out error);
        if (contracts is null) return Fail("missing \"contracts\"", out error);
        if (!System.Version.TryParse(contracts, out var contractsVersion))
            return Fail($"\"contracts\" is not a version: {contracts}", out error);
        if (assemblies is null || assemblies.Count == 0) return Fail("missing \"assemblies\"", out error);
        foreach (var assembly in assemblies)
            if (assembly.Length == 0 || assembly.Contains('/') || assembly is "." or ".."
                || !assembly.EndsWith(".dll", StringComparison.Ordinal))
                return Fail($"\"assemblies\" must hold file names ending in .dll: {assembly}", out error);
        return new PluginManifest(name, version ?? "", contractsVersion, assemblies, exports) { ExportTypes = types };
    }

    private static string ReadString(ref Utf8JsonReader reader, string property)
        => reader.TokenType == JsonTokenType.String ? reader.GetString()!
            : throw Bad($"\"{property}\" must be a string");

    private static List<string> ReadStrings(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Bad($"\"{property}\" must be an array of strings");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(ReadString(ref reader, property));
        return list;
    }

    private static List<PluginExportName> ReadExports(ref Utf8JsonReader reader,
        out Dictionary<PluginExportName, string>? types)
    {
        types = null;
        if (reader.TokenType != JsonTokenType.StartArray) throw Bad("\"exports\" must be an array");
        var list = new List<PluginExportName>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Bad("\"exports\" entries must be objects");
            string? kind = null, name = null, type = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                if (property == "kind") kind = ReadString(ref reader, "kind");
                else if (property == "name") name = ReadString(ref reader, "name");
                else if (property == "type") type = ReadString(ref reader, "type");
                else reader.Skip();
            }
            if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
                throw Bad("an export lacks \"kind\" or \"name\"");
            var export = new PluginExportName(kind, name);
            list.Add(export);
            if (!string.IsNullOrEmpty(type)) (types ??= [])[export] = type;
        }
        return list;
    }

    private static ManifestFormatException Bad(string message) => new(message);

    private static PluginManifest? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
