using System.Text;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// One run of the machine's real systemd-journald, standalone in a private mount namespace (tmpfs /run and
/// /var/log/journal): our journald sink sends the <see cref="JournaldProbe"/> records, systemd-cat feeds
/// <see cref="StreamInput"/> through journald's own stdout transport, and the real journalctl writes its outputs
/// into <see cref="Folder"/> for the tests to compare with ours.
/// </summary>
public sealed class RealJournaldRun : IDisposable
{
    public static readonly string[] Modes = ["short", "short-iso", "short-precise", "short-iso-precise", "short-unix",
        "cat", "json", "export"];

    private readonly TempRoot _folder = new("platform-journald-");

    public RealJournaldRun()
    {
        File.WriteAllBytes(Path.Join(Folder, "stream-input.bin"), StreamInput);
        var modes = string.Join(" ", Modes);
        var script = $$"""
            set -e
            OUT='{{Folder}}'
            mount -t tmpfs tmpfs /run
            mkdir -p /var/log/journal
            mount -t tmpfs tmpfs /var/log/journal
            /lib/systemd/systemd-journald &
            JP=$!
            i=0; while [ ! -S /run/systemd/journal/socket ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
            dotnet '{{Helper.Assembly}}' __journald-send > "$OUT/send.txt" 2>&1 \
                || echo "send failed $?" >> "$OUT/send.txt"
            systemd-cat -t streamcut --level-prefix=true < "$OUT/stream-input.bin"
            # --sync returns once everything sent before it is stored (journalctl(1)); without it, wait for the
            # last sender's lines.
            journalctl --sync 2>/dev/null || { i=0;
                until journalctl -q -t streamcut -n 1 | grep -q . || [ $i -ge 200 ]; do sleep 0.05; i=$((i+1)); done; }
            journalctl --no-pager -a -o json -u probe.service > "$OUT/probe-unit.json"
            journalctl --no-pager -a -o json -t probe -t streamcut > "$OUT/all.json"
            for m in {{modes}}; do journalctl --no-pager -o $m -t probe -t streamcut > "$OUT/out.$m"; done
            kill $JP; wait $JP || true
            echo done > "$OUT/finished"
            """;
        File.WriteAllText(Path.Join(Folder, "run.sh"), script);
        Result = CommandRunner.Run("unshare", ["--mount", "--fork", "sh", Path.Join(Folder, "run.sh")],
            timeout: TimeSpan.FromSeconds(60));
    }

    public string Folder => _folder.Path;
    public CommandResult Result { get; }

    public bool Finished => File.Exists(Path.Join(Folder, "finished"));

    public byte[] Output(string name) => File.ReadAllBytes(Path.Join(Folder, name));

    /// <summary>
    /// Bytes that exercise journald's stream rules: level prefixes, whitespace, NUL, LineMax, binary, end without
    /// newline.
    /// </summary>
    public static byte[] StreamInput { get; } = Build();

    private static byte[] Build()
    {
        var s = new MemoryStream();
        void W(string text) => s.Write(Encoding.UTF8.GetBytes(text));
        W("plain line\n  spaces around  \n\n<3>an error\n<8>not a level\n<007>debug\ntab\there\nnul1\0nul2\n");
        W(new string('B', 100 * 1024) + "\n");
        s.Write([0x62, 0x69, 0x6e, 0xff, 0xfe, 0x0a]);
        W("\r\n   \n<3>  \nesc \u001b[1m bold\nété\n");
        W(new string('C', 49152) + "\n");
        W("tail without newline");
        return s.ToArray();
    }

    public void Dispose() => _folder.Dispose();
}
