namespace Platform.Testing.Api;

/// <summary>The body of an Engine API error (<c>{"message": "..."}</c>).</summary>
public sealed class ErrorResponse
{
    /// <summary>The daemon's error text.</summary>
    public string? Message { get; set; }
}
