using System.Globalization;
using Platform.Abstractions;
using Platform.Units;

namespace Platform.Host.Sockets;

/// <summary>The <c>[Socket]</c> section of a socket unit (systemd.socket(5)), parsed once.</summary>
internal sealed class SocketSettings
{
    private const string S = "Socket";
    private static readonly (string Key, ListenKind Kind)[] ListenKeys =
    [
        ("ListenStream", ListenKind.Stream), ("ListenDatagram", ListenKind.Datagram),
        ("ListenSequentialPacket", ListenKind.SequentialPacket), ("ListenFIFO", ListenKind.FIFO),
    ];

    /// <summary>The listeners in file order (systemd keeps one list across the Listen*= settings).</summary>
    public List<SocketListen> Listen { get; } = [];
    /// <summary>Values that did not parse, with the reason, for a warning at start.</summary>
    public List<string> Invalid { get; } = [];
    /// <summary><c>Service=</c>, else NAME.service; for Accept=yes the template NAME@.service.</summary>
    public required string Service { get; init; }
    public bool Accept { get; init; }
    public int Backlog { get; init; } = int.MaxValue;
    public string BindIPv6Only { get; init; } = "default";
    public bool ReusePort { get; init; }
    public bool FreeBind { get; init; }
    public bool PassCredentials { get; init; }
    public bool RemoveOnStop { get; init; }
    public uint SocketMode { get; init; } = Convert.ToUInt32("666", 8);
    public uint DirectoryMode { get; init; } = Convert.ToUInt32("755", 8);
    public string? SocketUser { get; init; }
    public string? SocketGroup { get; init; }
    public required string FileDescriptorName { get; init; }
    public IReadOnlyList<string> Symlinks { get; init; } = [];
    public int MaxConnections { get; init; } = 64;
    public int MaxConnectionsPerSource { get; init; }
    public TimeSpan TriggerLimitInterval { get; init; } = TimeSpan.FromSeconds(2);
    public int TriggerLimitBurst { get; init; } = 20;

    public static SocketSettings From(UnitDefinition unit)
    {
        var accept = unit.GetBool(S, "Accept", false);
        var prefix = UnitNames.WithoutSuffix(unit.Name);
        var settings = new SocketSettings
        {
            Accept = accept,
            Service = unit.Get(S, "Service") is { Length: > 0 } service ? service : prefix
                + (accept ? "@.service" : ".service"),
            Backlog = Int(unit, "Backlog") ?? int.MaxValue,
            BindIPv6Only = unit.Get(S, "BindIPv6Only") is { Length: > 0 } only ? only : "default",
            ReusePort = unit.GetBool(S, "ReusePort", false),
            FreeBind = unit.GetBool(S, "FreeBind", false),
            PassCredentials = unit.GetBool(S, "PassCredentials", false),
            RemoveOnStop = unit.GetBool(S, "RemoveOnStop", false),
            SocketMode = Mode(unit, "SocketMode") ?? Convert.ToUInt32("666", 8),
            DirectoryMode = Mode(unit, "DirectoryMode") ?? Convert.ToUInt32("755", 8),
            SocketUser = unit.Get(S, "SocketUser") is { Length: > 0 } user ? user : null,
            SocketGroup = unit.Get(S, "SocketGroup") is { Length: > 0 } group ? group : null,
            FileDescriptorName = unit.Get(S, "FileDescriptorName") is { Length: > 0 } fdName ? fdName : unit.Name,
            Symlinks = unit.GetWords(S, "Symlinks"),
            MaxConnections = Int(unit, "MaxConnections") is { } max and > 0 ? max : 64,
            MaxConnectionsPerSource = Int(unit, "MaxConnectionsPerSource") ?? 0,
            TriggerLimitInterval = unit.GetTimeSpan(S, "TriggerLimitIntervalSec") ?? TimeSpan.FromSeconds(2),
            TriggerLimitBurst = Int(unit, "TriggerLimitBurst") ?? 20,
        };
        foreach (var setting in unit.Settings)
        {
            if (setting.Section != S) continue;
            foreach (var (key, kind) in ListenKeys)
            {
                if (setting.Key != key) continue;
                // An empty assignment clears every listener given before it.
                if (setting.Value.Length == 0) settings.Listen.Clear();
                else if (SocketListen.Parse(kind, setting.Value, out var error) is { } listen)
                    settings.Listen.Add(listen);
                else settings.Invalid.Add($"{setting.Source}:{setting.Line}: {error}, ignoring: {setting.Value}");
            }
        }
        return settings;
    }

    private static int? Int(UnitDefinition unit, string key)
        => unit.Get(S, key) is { } text && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var v) ? v : null;

    private static uint? Mode(UnitDefinition unit, string key)
    {
        if (unit.Get(S, key) is not { Length: > 0 } text) return null;
        try { return Convert.ToUInt32(text.Trim(), 8) & 0xFFF; }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { return null; }
    }
}
