using System.Composition;

namespace Platform.Abstractions;

/// <summary>
/// Exports a log reader under the name of the log sink whose records it reads, e.g. <c>[ExportLogReader("file")]</c>.
/// </summary>
[MetadataAttribute]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExportLogReaderAttribute : ExportAttribute
{
    /// <summary>Exports the class as <see cref="ILogReaderSource"/> named <paramref name="name"/>.</summary>
    public ExportLogReaderAttribute(string name) : base(typeof(ILogReaderSource)) => Name = name;

    /// <summary>The name the host selects the export by: the log sink's name; unique within its family.</summary>
    public string Name { get; }
}
