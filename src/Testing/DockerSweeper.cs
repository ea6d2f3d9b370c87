namespace Platform.Testing;

/// <summary>Removes what test runs left on the daemon: leftovers of crashed runs, and everything of a finished run.</summary>
public static class DockerSweeper
{
    /// <summary>How old an object of another host's run must be before it counts as abandoned (its owner cannot be checked).</summary>
    public static TimeSpan ForeignRunMaxAge { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// Removes containers, images and volumes labelled <c>platform.test=1</c> that belong to another run whose owner
    /// process is gone (or, for another host's runs, that are older than <see cref="ForeignRunMaxAge"/>).
    /// Runs of live processes (a parallel test assembly) are left alone.
    /// </summary>
    public static async Task<SweepResult> SweepLeftoversAsync(DockerClient docker, TestRun current, CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        bool Abandoned(IReadOnlyDictionary<string, string>? labels, DateTimeOffset created)
        {
            if (labels is null || labels.GetValueOrDefault(TestRun.RunLabel) == current.Id) return false;
            return TestRun.IsOwnerGone(labels.GetValueOrDefault(TestRun.OwnerLabel)) ?? now - created > ForeignRunMaxAge;
        }

        string[] filter = [$"{TestRun.TestLabel}=1"];
        int containers = 0, images = 0, volumes = 0;
        foreach (var c in await docker.ListContainersAsync(filter, ct).ConfigureAwait(false))
            if (Abandoned(c.Labels, DateTimeOffset.FromUnixTimeSeconds(c.Created)) && await docker.RemoveContainerAsync(c.Id, ct).ConfigureAwait(false))
                containers++;
        foreach (var i in await docker.ListImagesAsync(filter, ct).ConfigureAwait(false))
            if (Abandoned(i.Labels, DateTimeOffset.FromUnixTimeSeconds(i.Created)) && await TryRemoveImageAsync(docker, i.Id, ct).ConfigureAwait(false))
                images++;
        foreach (var v in await docker.ListVolumesAsync(filter, ct).ConfigureAwait(false))
            if (Abandoned(v.Labels, ParseTime(v.CreatedAt)) && await TryRemoveVolumeAsync(docker, v.Name, ct).ConfigureAwait(false))
                volumes++;
        return new SweepResult(containers, images, volumes);
    }

    /// <summary>Removes every container, image and volume labelled with <paramref name="run"/>'s id.</summary>
    public static async Task<SweepResult> RemoveRunAsync(DockerClient docker, TestRun run, CancellationToken ct = default)
    {
        string[] filter = [$"{TestRun.TestLabel}=1", $"{TestRun.RunLabel}={run.Id}"];
        int containers = 0, images = 0, volumes = 0;
        // Containers first: an image or volume in use cannot be removed.
        foreach (var c in await docker.ListContainersAsync(filter, ct).ConfigureAwait(false))
            if (await docker.RemoveContainerAsync(c.Id, ct).ConfigureAwait(false)) containers++;
        foreach (var i in await docker.ListImagesAsync(filter, ct).ConfigureAwait(false))
            if (await TryRemoveImageAsync(docker, i.Id, ct).ConfigureAwait(false)) images++;
        foreach (var v in await docker.ListVolumesAsync(filter, ct).ConfigureAwait(false))
            if (await TryRemoveVolumeAsync(docker, v.Name, ct).ConfigureAwait(false)) volumes++;
        return new SweepResult(containers, images, volumes);
    }

    // force: the image may carry several tags (a content-hash tag reused by a later run points elsewhere by then).
    private static async Task<bool> TryRemoveImageAsync(DockerClient docker, string id, CancellationToken ct)
    {
        try { return await docker.RemoveImageAsync(id, force: true, ct).ConfigureAwait(false); }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict) { return false; }
    }

    private static async Task<bool> TryRemoveVolumeAsync(DockerClient docker, string name, CancellationToken ct)
    {
        try { return await docker.RemoveVolumeAsync(name, force: false, ct).ConfigureAwait(false); }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict) { return false; }
    }

    private static DateTimeOffset ParseTime(string? text)
        => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t : DateTimeOffset.UtcNow;
}
