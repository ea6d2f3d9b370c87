namespace Platform.LogSinks.FileJournal;

/// <summary>Where following stopped, per unit: the file (by serial) and the offset of the next record in it.</summary>
internal sealed class FilePosition
{
    public Dictionary<string, (ulong Serial, long Offset)> Units { get; } = new(StringComparer.Ordinal);
}
