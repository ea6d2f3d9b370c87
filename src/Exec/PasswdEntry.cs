namespace Platform.Exec;

/// <summary>The fields of one passwd entry the exec engine uses.</summary>
internal sealed record PasswdEntry(string Name, uint Uid, uint Gid, string Home, string Shell);
