using System.Text.Json;
using Platform.Abstractions;

namespace PluginName;

/// <summary>
/// <c>StatusStore=plugin-export-name</c>: one JSON file per unit in the state folder, replaced atomically (write a
/// temporary file, then rename it over the old one) so a concurrent reader sees the old or the new record, never half.
/// </summary>
[ExportStatusStore("plugin-export-name")]
public sealed class ExampleStatusStore : IStatusStore
{
    private const string Suffix = ".status.json";
    private string? _directory;
    private string _bootId = "";

    /// <inheritdoc />
    public void Open(StatusStoreContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _directory = context.StateDirectory;
        _bootId = context.BootId;
        Directory.CreateDirectory(_directory);
    }

    /// <inheritdoc />
    public UnitStatus? Read(string unit)
    {
        UnitStatus? status;
        try
        {
            status = JsonSerializer.Deserialize(File.ReadAllBytes(PathOf(unit)), StatusJsonContext.Default.UnitStatus);
        }
        catch (FileNotFoundException) { return null; }
        catch (JsonException) { return null; } // a damaged record counts as none
        return status is not null && status.BootId == _bootId ? status : null;
    }

    /// <inheritdoc />
    public void Write(UnitStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var path = PathOf(status.Unit);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(status with { BootId = _bootId },
            StatusJsonContext.Default.UnitStatus));
        File.Move(temporary, path, overwrite: true);
    }

    /// <inheritdoc />
    public bool Delete(string unit)
    {
        var path = PathOf(unit);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<UnitStatus> List()
    {
        var list = new List<UnitStatus>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + Suffix))
            if (Read(Path.GetFileName(file)[..^Suffix.Length]) is { } status) list.Add(status);
        return list;
    }

    /// <inheritdoc />
    public void Dispose() { }

    private string Folder => _directory ?? throw new InvalidOperationException("Open was not called.");

    // Unit names never contain '/', so the name is a safe file name as it is.
    private string PathOf(string unit) => Path.Join(Folder, unit + Suffix);
}
