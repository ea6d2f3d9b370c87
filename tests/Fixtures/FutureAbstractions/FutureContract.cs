namespace Platform.Abstractions;

/// <summary>A contract only the imagined version 2 has.</summary>
public interface IFutureContract
{
    string Describe();
}
