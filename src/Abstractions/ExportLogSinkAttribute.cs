using System.Composition;

namespace Platform.Abstractions;

/// <summary>
/// Exports a log sink under a name the configuration selects it by, e.g. <c>[ExportLogSink("file")]</c>.
/// </summary>
[MetadataAttribute]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExportLogSinkAttribute : ExportAttribute
{
    /// <summary>Exports the class as <see cref="ILogSink"/> named <paramref name="name"/>.</summary>
    public ExportLogSinkAttribute(string name) : base(typeof(ILogSink)) => Name = name;

    /// <summary>The name the host selects the export by; unique within its family.</summary>
    public string Name { get; }
}
