using Platform.Interop;

namespace Platform.Host.Paths;

/// <summary>
/// The inotify watches of one path unit, as systemd's path_spec_watch() sets them: the path itself with the masks of
/// its setting (its "primary" watch), and every existing folder above it for the creation, removal or renaming of the
/// next component, so a path that does not exist yet is noticed when it appears. Re-armed after every event.
/// </summary>
internal sealed class PathWatches(InotifySet inotify, IReadOnlyList<PathSpec> specs, Func<string, string> under)
{
    private const uint Above = LibC.IN_DELETE_SELF | LibC.IN_MOVE_SELF | LibC.IN_ATTRIB | LibC.IN_CREATE
        | LibC.IN_MOVED_TO;
    private readonly Dictionary<int, int> _primary = [];

    /// <summary>The spec whose own path an event descriptor watches, or -1.</summary>
    public int PrimaryOf(int wd) => _primary.TryGetValue(wd, out var index) ? index : -1;

    public void Arm()
    {
        _primary.Clear();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var onDisk = under(spec.Path);
            var wd = inotify.Add(onDisk, Mask(spec.Kind));
            if (wd >= 0) _primary[wd] = i;
            // Each folder above; the deepest existing one sees the next component appear.
            var folder = Path.GetDirectoryName(onDisk);
            while (!string.IsNullOrEmpty(folder))
            {
                inotify.Add(folder, Above);
                folder = Path.GetDirectoryName(folder);
            }
        }
    }

    private static uint Mask(PathKind kind) => kind switch
    {
        PathKind.PathExists or PathKind.PathExistsGlob => LibC.IN_DELETE_SELF | LibC.IN_MOVE_SELF | LibC.IN_ATTRIB,
        PathKind.DirectoryNotEmpty =>
            LibC.IN_DELETE_SELF | LibC.IN_MOVE_SELF | LibC.IN_ATTRIB | LibC.IN_CREATE | LibC.IN_MOVED_TO,
        PathKind.PathChanged =>
            LibC.IN_DELETE_SELF | LibC.IN_MOVE_SELF | LibC.IN_ATTRIB | LibC.IN_CLOSE_WRITE | LibC.IN_CREATE
            | LibC.IN_DELETE | LibC.IN_MOVED_FROM | LibC.IN_MOVED_TO,
        _ => LibC.IN_DELETE_SELF | LibC.IN_MOVE_SELF | LibC.IN_ATTRIB | LibC.IN_CLOSE_WRITE | LibC.IN_CREATE
            | LibC.IN_DELETE | LibC.IN_MOVED_FROM | LibC.IN_MOVED_TO | LibC.IN_MODIFY,
    };
}
