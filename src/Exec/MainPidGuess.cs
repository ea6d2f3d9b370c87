namespace Platform.Exec;

/// <summary>
/// systemd's GuessMainPID= heuristic without cgroups: the unit's only remaining process, or its only top-level one.
/// </summary>
internal static class MainPidGuess
{
    public static int? Guess(List<int> candidates)
    {
        if (candidates.Count == 1) return candidates[0];
        if (candidates.Count == 0) return null;
        int? root = null;
        foreach (var pid in candidates)
        {
            if (ProcFs.ParentPid(pid) is { } parent && candidates.Contains(parent)) continue;
            if (root is not null) return null;
            root = pid;
        }
        return root;
    }
}
