namespace Platform.Abstractions;

/// <summary>What a notify transport is told when the host needs an endpoint for one unit.</summary>
/// <param name="Unit">The unit the endpoint serves (transports may read their own settings from it).</param>
/// <param name="RunDirectory">The host's run folder (e.g. <c>ROOT/run/systemd</c>) where per-unit sockets live.</param>
/// <param name="OwnerUid">The service's user id when it runs as another user (the socket must be writable by it), else
/// null.</param>
/// <param name="OwnerGid">The service's group id when it runs as another group, else null.</param>
public sealed record NotifyEndpointContext(UnitDefinition Unit, string RunDirectory, int? OwnerUid, int? OwnerGid);
