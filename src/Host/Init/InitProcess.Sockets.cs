using System.Collections.Concurrent;
using Platform.Host.Sockets;
using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>
/// Socket activation under the init: a socket's holder that sees traffic asks the init (a datagram naming the service
/// on <see cref="SocketRuntime.ActivationPath"/>, owner only) to start the service in-process, instead of running a
/// fresh <c>systemctl start</c>: one process start less between the first connection and the answer. The start is the
/// same job any other start runs, so the service still fetches its listeners from the holder.
/// </summary>
internal sealed partial class InitProcess
{
    private readonly ConcurrentDictionary<string, byte> _activations = new(StringComparer.Ordinal);
    private int _activationFd = -1;

    private void OpenActivation()
    {
        var path = SocketRuntime.ActivationPath(ctx);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        var address = UnixAddress.Build(path);
        var old = LibC.umask(0x3F);
        var bound = fd >= 0 && LibC.bind(fd, address, (uint)address.Length) == 0;
        _ = LibC.umask(old);
        if (!bound)
        {
            // Holders then start services with their own systemctl, as without an init.
            if (fd >= 0) _ = LibC.close(fd);
            return;
        }
        _activationFd = fd;
        new Thread(() =>
        {
            while (FdPassing.Receive(fd) is { } message)
            {
                foreach (var extra in message.Fds) _ = LibC.close(extra);
                var unit = message.Text.Trim();
                if (Platform.Units.UnitNames.IsValid(unit)) _events.Writer.TryWrite("activate:" + unit);
            }
        }) { IsBackground = true, Name = "activation" }.Start();
    }

    private void CloseActivation()
    {
        if (_activationFd < 0) return;
        _ = LibC.close(_activationFd);
        _activationFd = -1;
        try { File.Delete(SocketRuntime.ActivationPath(ctx)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Starts the unit in the background (a slow start must not stall the loop); one activation per unit at a time.
    /// </summary>
    private void Activate(string unit)
    {
        if (_shutdown.IsCancellationRequested || !_activations.TryAdd(unit, 0)) return;
        _ = Task.Run(async () =>
        {
            try { await StartAsync([unit]).ConfigureAwait(false); }
            finally { _activations.TryRemove(unit, out _); }
        });
    }
}
