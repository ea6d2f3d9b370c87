using System.Text.Json.Serialization;
using Platform.Abstractions;

namespace PluginName;

/// <summary>
/// Source-generated JSON for <see cref="UnitStatus"/>: no reflection, so opening the store stays cheap on every call.
/// </summary>
[JsonSerializable(typeof(UnitStatus))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
