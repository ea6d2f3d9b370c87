namespace Platform.Host.Lifecycle.Conditions;

/// <summary>
/// One evaluated condition: its text as systemd prints it (<c>ConditionPathExists=|!/x</c>) and whether it was met;
/// null when it could not be decided.
/// </summary>
internal sealed record ConditionResult(string Text, bool? Met);
