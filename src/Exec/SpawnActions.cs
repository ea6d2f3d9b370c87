using Platform.Interop;

namespace Platform.Exec;

/// <summary>The posix_spawn attributes and file actions for one request, freed on dispose.</summary>
internal sealed class SpawnActions : IDisposable
{
    private const uint CreateMode = 0x1B6; // 0666, reduced by the umask in force at spawn time
    private readonly NativeStrings _memory = new();
    private readonly List<int> _copies = [];

    public SpawnActions(SpawnRequest request)
    {
        Attributes = _memory.Block(LibC.SpawnAttrSize);
        FileActions = _memory.Block(LibC.FileActionsSize);
        _ = LibC.posix_spawnattr_init(Attributes);
        _ = LibC.posix_spawn_file_actions_init(FileActions);
        _ = LibC.posix_spawnattr_setflags(Attributes, LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGDEF
            | LibC.POSIX_SPAWN_SETSIGMASK);
        var all = _memory.Block(LibC.SigSetSize);
        _ = LibC.sigfillset(all);
        _ = LibC.posix_spawnattr_setsigdefault(Attributes, all);
        var none = _memory.Block(LibC.SigSetSize);
        _ = LibC.sigemptyset(none);
        _ = LibC.posix_spawnattr_setsigmask(Attributes, none);

        Stream(0, request.StandardInput, input: true);
        Stream(1, request.StandardOutput, input: false);
        if (request.StandardError is null || request.StandardError == request.StandardOutput
            && request.StandardOutput.Path is not null)
            _ = LibC.posix_spawn_file_actions_adddup2(FileActions, 1, 2);
        else
            Stream(2, request.StandardError, input: false);
    }

    public IntPtr Attributes { get; }
    public IntPtr FileActions { get; }

    /// <summary>
    /// Adds a chdir action; false when this glibc has none (older than 2.29), so the helper must do it.
    /// </summary>
    public bool ChangeDirectory(string directory)
    {
        try { return LibC.posix_spawn_file_actions_addchdir_np(FileActions, _memory.String(directory)) == 0; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>
    /// Puts the helper's report pipe on <paramref name="fd"/> (after any passed descriptors) and closes everything
    /// above it.
    /// </summary>
    public void ReportTo(int writeEnd, int fd)
    {
        _ = LibC.posix_spawn_file_actions_adddup2(FileActions, writeEnd, fd);
        CloseOthers(fd + 1);
    }

    /// <summary>
    /// Puts <paramref name="fds"/> on 3, 4, ... in the child. Each is first copied (close-on-exec) above the target
    /// range, so no dup2 overwrites a source that is still to be moved; dup2 onto the target clears close-on-exec. The
    /// copies are closed by <see cref="Dispose"/>.
    /// </summary>
    public void Pass(IReadOnlyList<int> fds)
    {
        for (var i = 0; i < fds.Count; i++)
        {
            var copy = LibC.fcntl(fds[i], LibC.F_DUPFD_CLOEXEC, 3 + fds.Count);
            if (copy < 0)
                throw new Platform.Abstractions.ServiceStartException("Failed to duplicate socket descriptor: "
                + LibC.StrError(System.Runtime.InteropServices.Marshal.GetLastPInvokeError()));
            _copies.Add(copy);
            _ = LibC.posix_spawn_file_actions_adddup2(FileActions, copy, 3 + i);
        }
    }

    /// <summary>
    /// Closes every descriptor from <paramref name="first"/> up, even ones inherited without close-on-exec.
    /// </summary>
    public void CloseOthers(int first)
    {
        try
        {
            _ = LibC.posix_spawn_file_actions_addclosefrom_np(FileActions, first);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc < 2.34: close what is open now, one by one.
            foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
                if (int.TryParse(Path.GetFileName(entry), out var fd) && fd >= first)
                    _ = LibC.posix_spawn_file_actions_addclose(FileActions, fd);
        }
    }

    private void Stream(int fd, StdioTarget target, bool input)
    {
        var flags = (input ? LibC.O_RDONLY : LibC.O_WRONLY | LibC.O_CREAT) | LibC.O_NOCTTY;
        switch (target.Kind)
        {
            case StdioKind.Inherit:
                return;
            case StdioKind.Descriptor:
                _ = LibC.posix_spawn_file_actions_adddup2(FileActions, target.Descriptor, fd);
                return;
            case StdioKind.File when target.Path is not null:
                break;
            case StdioKind.Append when target.Path is not null && !input:
                flags |= LibC.O_APPEND;
                break;
            case StdioKind.Truncate when target.Path is not null && !input:
                flags |= LibC.O_TRUNC;
                break;
            default:
                _ = LibC.posix_spawn_file_actions_addopen(FileActions, fd, _memory.String("/dev/null"),
                    input ? LibC.O_RDONLY : LibC.O_WRONLY, 0);
                return;
        }
        _ = LibC.posix_spawn_file_actions_addopen(FileActions, fd, _memory.String(target.Path!),
            input ? LibC.O_RDONLY | LibC.O_NOCTTY : flags, CreateMode);
    }

    public void Dispose()
    {
        foreach (var fd in _copies) _ = LibC.close(fd);
        _ = LibC.posix_spawn_file_actions_destroy(FileActions);
        _ = LibC.posix_spawnattr_destroy(Attributes);
        _memory.Dispose();
    }
}
