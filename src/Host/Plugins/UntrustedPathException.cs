namespace Platform.Host.Plugins;

/// <summary>
/// A folder the manager would have to trust (status, runtime, lock folder) fails <see cref="TrustedPath"/>. Not an
/// IOException on purpose: nothing may swallow it as a passing file-system hiccup and carry on with the folder.
/// </summary>
internal sealed class UntrustedPathException(string message) : Exception(message);
