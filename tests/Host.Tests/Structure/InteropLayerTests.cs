using System.Diagnostics;
using System.Runtime.InteropServices;
using Platform.Interop;
using Platform.TestSupport;

namespace Platform.Host.Tests.Structure;

/// <summary>The hand-written layouts and per-architecture values of src/Interop against the running kernel.</summary>
public sealed unsafe class InteropLayerTests : IDisposable
{
    private const int ELOOP = 40;
    private readonly TempRoot _dir = new("platform-interop-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void StatReadsTypeOwnerAndSizeOfPathsLinksAndDescriptors()
    {
        var file = Path.Join(_dir.Path, "five");
        File.WriteAllText(file, "12345");
        var link = Path.Join(_dir.Path, "link");
        File.CreateSymbolicLink(link, file);

        Assert.True(LibC.Stat(link, follow: true, out var target));
        Assert.Equal((LibC.S_IFREG, LibC.geteuid(), 5UL), (target.Type, target.Uid, target.Size));
        Assert.True(LibC.Stat(link, follow: false, out var itself));
        Assert.Equal(LibC.S_IFLNK, itself.Type);
        using var handle = File.OpenHandle(file);
        Assert.True(LibC.Stat((int)handle.DangerousGetHandle(), out var open));
        Assert.Equal(target.Inode, open.Inode);
        Assert.False(LibC.Stat(Path.Join(_dir.Path, "missing"), follow: true, out _));
        Assert.Equal(LibC.ENOENT, Marshal.GetLastPInvokeError());
    }

    [Fact]
    public void OpenWithNoFollowRefusesALink()
    {
        var link = Path.Join(_dir.Path, "link");
        File.CreateSymbolicLink(link, "/etc/hostname");

        Assert.Equal(-1, LibC.open(link, LibC.O_RDONLY | LibC.O_NOFOLLOW | LibC.O_CLOEXEC, 0));
        Assert.Equal(ELOOP, Marshal.GetLastPInvokeError());
    }

    [Fact]
    public void UnameAgreesWithProc()
    {
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/hostname").Trim(), LibC.Uname(LibC.UtsField.NodeName));
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), LibC.Uname(LibC.UtsField.Release));
    }

    [Fact]
    public void UnixAddressesCarryTheirNulOnlyForPaths()
    {
        var path = UnixAddress.Build("/run/x");
        Assert.Equal(new byte[] { LibC.AF_UNIX, 0, (byte)'/', (byte)'r', (byte)'u', (byte)'n', (byte)'/', (byte)'x',
            0 }, path);
        var abstractName = UnixAddress.Build("@ab");
        Assert.Equal(new byte[] { LibC.AF_UNIX, 0, 0, (byte)'a', (byte)'b' }, abstractName);
        Assert.Throws<IOException>(() => UnixAddress.Build("/" + new string('x', UnixAddress.MaxPathBytes)));
    }

    [Fact]
    public void EpollReportsAReadableDescriptorWithItsData()
    {
        var fds = new int[2];
        Assert.Equal(0, LibC.pipe2(fds, LibC.O_CLOEXEC));
        var epoll = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
        try
        {
            var ev = new EpollEvent { Events = LibC.EPOLLIN, Data = 0x1122334455667788 };
            Assert.Equal(0, LibC.epoll_ctl(epoll, LibC.EPOLL_CTL_ADD, fds[0], &ev));
            var one = stackalloc byte[1];
            Assert.Equal(1, LibC.write(fds[1], one, 1));
            var events = stackalloc EpollEvent[4];

            Assert.Equal(1, LibC.epoll_wait(epoll, events, 4, 5000));
            Assert.Equal((LibC.EPOLLIN, 0x1122334455667788UL), (events[0].Events, events[0].Data));
        }
        finally
        {
            LibC.close(epoll);
            LibC.close(fds[0]);
            LibC.close(fds[1]);
        }
    }

    [Fact]
    public void KillSendsRealTimeSignalsAndReportsAGoneProcess()
    {
        using var child = Process.Start(new ProcessStartInfo("/bin/sh",
            ["-c", "trap 'exit 7' 37; while :; do sleep 0.05; done"]))!;
        // The trap is set once the shell runs its loop; until then 37 would end it with the default action.
        Assert.True(ServiceSandbox.WaitFor(() => Catches(child.Id, 37), TimeSpan.FromSeconds(5)));

        Assert.Equal(0, LibC.Kill(child.Id, 37));

        Assert.True(child.WaitForExit(5000));
        Assert.Equal(7, child.ExitCode);
        Assert.Equal(LibC.ESRCH, LibC.Kill(child.Id, 0));
    }

    private static bool Catches(int pid, int signal)
    {
        if (File.ReadAllText($"/proc/{pid}/comm").Trim() != "sh") return false;
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
        return ((Convert.ToUInt64(line[7..].Trim(), 16) >> (signal - 1)) & 1) != 0;
    }
}
