using System.Composition;

namespace Platform.Abstractions;

/// <summary>
/// Exports a status store under a name the configuration selects it by, e.g. <c>[ExportStatusStore("json")]</c>.
/// </summary>
[MetadataAttribute]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExportStatusStoreAttribute : ExportAttribute
{
    /// <summary>Exports the class as <see cref="IStatusStore"/> named <paramref name="name"/>.</summary>
    public ExportStatusStoreAttribute(string name) : base(typeof(IStatusStore)) => Name = name;

    /// <summary>The name the host selects the export by; unique within its family.</summary>
    public string Name { get; }
}
