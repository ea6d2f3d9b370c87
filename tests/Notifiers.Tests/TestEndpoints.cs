using Platform.Abstractions;
using Platform.TestSupport;

namespace Platform.Notifiers.Tests;

/// <summary>Endpoints under a temp root, plus facts about this process the assertions compare against.</summary>
internal static class TestEndpoints
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static UnitDefinition Unit(string name) => new(name, UnitLoadState.Loaded, null, [], []);

    public static string RunDirectory(TempRoot root) => root.Combine("/run/systemd");

    public static INotifyEndpoint Create(TempRoot root, string unit = "web.service", int? uid = null, int? gid = null)
        => Create(RunDirectory(root), unit, uid, gid);

    public static INotifyEndpoint Create(string runDirectory, string unit = "web.service", int? uid = null,
        int? gid = null)
        => new UnixNotifyTransport().CreateEndpoint(new NotifyEndpointContext(Unit(unit), runDirectory, uid, gid));

    /// <summary>Receives with a time limit so a lost datagram fails the test instead of hanging it.</summary>
    public static async Task<NotifyMessage> ReceiveAsync(INotifyEndpoint endpoint)
    {
        using var cts = new CancellationTokenSource(Patience);
        var message = await endpoint.ReceiveAsync(cts.Token);
        Assert.NotNull(message);
        return message;
    }

    /// <summary>Real uid and gid of this process, from /proc (no P/Invoke needed).</summary>
    public static (int Uid, int Gid) Identity()
    {
        int uid = -1, gid = -1;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal)) uid = int.Parse(line.Split('\t')[1]);
            if (line.StartsWith("Gid:", StringComparison.Ordinal)) gid = int.Parse(line.Split('\t')[1]);
        }
        return (uid, gid);
    }

    /// <summary>The parent of this process, from /proc/self/stat (field 4, after the parenthesised name).</summary>
    public static int ParentPid()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    /// <summary><c>stat</c>'s view of a file: "uid:gid octal-mode type".</summary>
    public static string Stat(string path)
        => CommandRunner.Run("stat", ["-c", "%u:%g %a %F", path]).Stdout.Trim();
}
