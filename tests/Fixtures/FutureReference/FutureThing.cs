using Platform.Abstractions;

namespace Fixture.FutureReference;

/// <summary>Uses a version-2-only contract, so the assembly references Platform.Abstractions 2.0.0.0.</summary>
public sealed class FutureThing : IFutureContract
{
    public string Describe() => "from the future";
}
