using System.Text.RegularExpressions;
using Platform.TestSupport;

namespace Platform.Host.Tests.Structure;

/// <summary>
/// Every P/Invoke of the product lives in the one interop layer (src/Interop): one declaration per libc function,
/// one library name. A second copy elsewhere is how eight <c>close</c> declarations and three msghdr structs grew.
/// </summary>
public sealed partial class InteropFolderTests
{
    private static readonly string[] Scanned = ["src", "plugins"];

    [Fact]
    public void EveryNativeImportSitsInTheOneInteropFolder()
    {
        var imports = Imports();
        Assert.NotEmpty(imports);
        var outside = imports.Where(i => !i.Path.Split('/').Contains("Interop")).Select(i => $"{i.Path}: {i.Function}")
            .ToList();
        Assert.True(outside.Count == 0, "P/Invokes outside an Interop folder:\n" + string.Join('\n', outside));
        var folders = imports.Select(i => i.Path[..(i.Path.IndexOf("/Interop/", StringComparison.Ordinal) + 8)])
            .Distinct().ToList();
        Assert.Equal(["src/Interop"], folders);
    }

    [Fact]
    public void EachFunctionIsDeclaredOnce()
    {
        var twice = Imports().GroupBy(i => i.Function).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.Path))}").ToList();
        Assert.True(twice.Count == 0, "declared more than once:\n" + string.Join('\n', twice));
    }

    [Fact]
    public void EveryImportNamesTheOneLibrary()
    {
        var others = Imports().Where(i => i.Library != "Name").Select(i => $"{i.Path}: {i.Function} from {i.Library}")
            .ToList();
        Assert.True(others.Count == 0, "libraries other than LibC.Name:\n" + string.Join('\n', others));
    }

    private static List<(string Path, string Function, string Library)> Imports()
    {
        var found = new List<(string, string, string)>();
        foreach (var top in Scanned)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Join(Published.RepoRoot, top), "*.cs",
                SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Published.RepoRoot, file).Replace('\\', '/');
                if (relative.Split('/').Any(s => s is "bin" or "obj")) continue;
                foreach (Match m in ImportPattern().Matches(File.ReadAllText(file)))
                {
                    var entry = EntryPointPattern().Match(m.Groups["args"].Value);
                    var function = entry.Success ? entry.Groups[1].Value : m.Groups["name"].Value;
                    found.Add((relative, function, m.Groups["args"].Value.Split(',')[0].Trim()));
                }
            }
        }
        return found;
    }

    // The attribute, any further attributes, then the method name before its parameter list.
    [GeneratedRegex(
        @"\[\s*(?:DllImport|LibraryImport)(?:Attribute)?\s*\((?<args>[^\]]*)\)\s*\]"
        + @"\s*(?:\[[^\]]*\]\s*)*[\w\s<>*?,]*?\b(?<name>\w+)\s*\(")]
    private static partial Regex ImportPattern();

    [GeneratedRegex("EntryPoint\\s*=\\s*\"(\\w+)\"")]
    private static partial Regex EntryPointPattern();
}
