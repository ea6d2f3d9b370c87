using System.Composition;

namespace Platform.Abstractions;

/// <summary>
/// Exports a service type (the value of Type=) under a name the configuration selects it by, e.g.
/// <c>[ExportServiceType("notify")]</c>.
/// </summary>
[MetadataAttribute]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExportServiceTypeAttribute : ExportAttribute
{
    /// <summary>Exports the class as <see cref="IServiceType"/> named <paramref name="name"/>.</summary>
    public ExportServiceTypeAttribute(string name) : base(typeof(IServiceType)) => Name = name;

    /// <summary>The name the host selects the export by; unique within its family.</summary>
    public string Name { get; }
}
