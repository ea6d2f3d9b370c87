using System.Text;
using Platform.Abstractions;
using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

public sealed class PluginManifestReaderTests
{
    private static PluginManifest? Parse(string json, out string? error) =>
        PluginManifestReader.Parse(Encoding.UTF8.GetBytes(json), out error);

    [Fact]
    public void TheDocumentedManifestFormatIsReadWithUnknownFieldsAndCommentsIgnored()
    {
        var manifest = Parse("""
            { "name": "status-store-json", "version": "0.1.0", "contracts": "1.0.0",
              // comments and fields of later versions are tolerated
              "homepage": { "url": "x" }, "tags": [1, 2],
              "assemblies": ["Platform.StatusStores.Json.dll", "Extra.dll"],
              "exports": [ { "kind": "status-store", "name": "json", "note": "default" } ] }
            """, out var error);
        Assert.Null(error);
        Assert.NotNull(manifest);
        Assert.Equal(("status-store-json", "0.1.0", new Version(1, 0, 0)),
            (manifest.Name, manifest.Version, manifest.Contracts));
        Assert.Equal(["Platform.StatusStores.Json.dll", "Extra.dll"], manifest.Assemblies);
        Assert.Equal([new PluginExportName(PluginKind.StatusStore, "json")], manifest.Exports!);
    }

    [Fact]
    public void AManifestWithoutExportsOrVersionIsValidAndSaysSo()
    {
        var manifest = Parse("""{ "name": "n", "contracts": "1.2.0", "assemblies": ["N.dll"] }""", out var error);
        Assert.Null(error);
        Assert.Null(manifest!.Exports);
        Assert.Equal("", manifest.Version);
    }

    [Theory]
    [InlineData("""{ "contracts": "1.0.0", "assemblies": ["N.dll"] }""", "missing \"name\"")]
    [InlineData("""{ "name": "n", "assemblies": ["N.dll"] }""", "missing \"contracts\"")]
    [InlineData("""{ "name": 5, "contracts": "1.0.0", "assemblies": ["N.dll"] }""", "\"name\" must be a string")]
    [InlineData("""{ "name": "n", "contracts": "1.0.0", "assemblies": "N.dll" }""",
        "\"assemblies\" must be an array of strings")]
    [InlineData("""{ "name": "n", "contracts": "1.0.0", "assemblies": ["N.so"] }""",
        "\"assemblies\" must hold file names ending in .dll: N.so")]
    [InlineData("""
        { "name": "n", "contracts": "1.0.0", "assemblies": ["N.dll"], "exports": [ { "kind": "log-sink" } ] }
        """,
        "an export lacks \"kind\" or \"name\"")]
    [InlineData("""{ "name": "n", "contracts": "1.0.0", "assemblies": ["N.dll"], "exports": {} }""",
        "\"exports\" must be an array")]
    [InlineData("{ \"name\": \"n\",\n \"contracts\": }", "invalid JSON at line 2")]
    [InlineData("", "invalid JSON at line 1")]
    public void AnInvalidManifestGivesAOneLineReason(string json, string reason)
    {
        Assert.Null(Parse(json, out var error));
        Assert.Equal(reason, error);
    }
}
