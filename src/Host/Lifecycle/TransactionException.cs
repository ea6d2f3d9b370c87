namespace Platform.Host.Lifecycle;

/// <summary>
/// A transaction that cannot be carried out as asked (an unbreakable ordering cycle); the message is the one line
/// systemctl prints.
/// </summary>
internal sealed class TransactionException(string message) : Exception(message);
