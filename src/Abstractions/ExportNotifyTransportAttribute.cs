using System.Composition;

namespace Platform.Abstractions;

/// <summary>
/// Exports a notify transport under a name the configuration selects it by, e.g.
/// <c>[ExportNotifyTransport("unix")]</c>.
/// </summary>
[MetadataAttribute]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExportNotifyTransportAttribute : ExportAttribute
{
    /// <summary>Exports the class as <see cref="INotifyTransport"/> named <paramref name="name"/>.</summary>
    public ExportNotifyTransportAttribute(string name) : base(typeof(INotifyTransport)) => Name = name;

    /// <summary>The name the host selects the export by; unique within its family.</summary>
    public string Name { get; }
}
