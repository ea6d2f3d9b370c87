namespace Platform.Journal;

/// <summary>Where the log pump listens and locks, relative to the root (<c>/</c> or <c>--root</c>).</summary>
internal static class JournalPaths
{
    /// <summary>The pump's stream socket, like journald's <c>/run/systemd/journal/stdout</c>.</summary>
    public static string Socket(string root) => Path.Join(root, "run/platform/journal.stdout");

    /// <summary>The flock(2) file the one running pump of a root holds for its lifetime.</summary>
    public static string Lock(string root) => Path.Join(root, "run/platform/journal.lock");
}
