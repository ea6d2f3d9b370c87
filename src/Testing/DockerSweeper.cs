using Docker.DotNet;
using Docker.DotNet.Models;

namespace Platform.Testing;

/// <summary>
/// Removes what test runs left on the daemon: leftovers of crashed runs, and everything of a finished run.
/// </summary>
public static class DockerSweeper
{
    /// <summary>
    /// How old an object of another host's run must be before it counts as abandoned (its owner cannot be checked).
    /// </summary>
    public static TimeSpan ForeignRunMaxAge { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// Removes containers, images and volumes labelled <c>platform.test=1</c> that belong to another run whose owner
    /// process is gone (or, for another host's runs, that are older than <see cref="ForeignRunMaxAge"/>).
    /// Runs of live processes (a parallel test assembly) are left alone.
    /// </summary>
    public static async Task<SweepResult> SweepLeftoversAsync(IDockerClient docker, TestRun current,
        CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        bool Abandoned(IDictionary<string, string>? labels, DateTimeOffset created)
        {
            if (labels is null || labels.TryGetValue(TestRun.RunLabel, out var runId) && runId == current.Id)
                return false;
            return TestRun.IsOwnerGone(labels.TryGetValue(TestRun.OwnerLabel, out var owner) ? owner : null)
                ?? now - created > ForeignRunMaxAge;
        }

        var filter = Filter($"{TestRun.TestLabel}=1");
        int containers = 0, images = 0, volumes = 0;
        foreach (var c in await ListContainersAsync(docker, filter, ct).ConfigureAwait(false))
            if (Abandoned(c.Labels, new DateTimeOffset(c.Created.ToUniversalTime()))
                && await TryRemoveContainerAsync(docker, c.ID, ct).ConfigureAwait(false))
                containers++;
        foreach (var i in await ListImagesAsync(docker, filter, ct).ConfigureAwait(false))
            if (Abandoned(i.Labels, new DateTimeOffset(i.Created.ToUniversalTime()))
                && await TryRemoveImageAsync(docker, i.ID, ct).ConfigureAwait(false))
                images++;
        foreach (var v in await ListVolumesAsync(docker, filter, ct).ConfigureAwait(false))
            if (Abandoned(v.Labels, ParseTime(v.CreatedAt)) && await TryRemoveVolumeAsync(docker, v.Name, ct)
                .ConfigureAwait(false))
                volumes++;
        return new SweepResult(containers, images, volumes);
    }

    /// <summary>Removes every container, image and volume labelled with <paramref name="run"/>'s id.</summary>
    public static async Task<SweepResult> RemoveRunAsync(IDockerClient docker, TestRun run,
        CancellationToken ct = default)
    {
        var filter = Filter($"{TestRun.TestLabel}=1", $"{TestRun.RunLabel}={run.Id}");
        int containers = 0, images = 0, volumes = 0;
        // Containers first: an image or volume in use cannot be removed.
        foreach (var c in await ListContainersAsync(docker, filter, ct).ConfigureAwait(false))
            if (await TryRemoveContainerAsync(docker, c.ID, ct).ConfigureAwait(false)) containers++;
        foreach (var i in await ListImagesAsync(docker, filter, ct).ConfigureAwait(false))
            if (await TryRemoveImageAsync(docker, i.ID, ct).ConfigureAwait(false)) images++;
        foreach (var v in await ListVolumesAsync(docker, filter, ct).ConfigureAwait(false))
            if (await TryRemoveVolumeAsync(docker, v.Name, ct).ConfigureAwait(false)) volumes++;
        return new SweepResult(containers, images, volumes);
    }

    private static Dictionary<string, IDictionary<string, bool>> Filter(params string[] labels)
        => new() { ["label"] = labels.ToDictionary(l => l, _ => true) };

    private static async Task<IList<ContainerListResponse>> ListContainersAsync(IDockerClient docker,
        Dictionary<string, IDictionary<string, bool>> filter, CancellationToken ct)
        => await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter },
            ct).ConfigureAwait(false);

    private static async Task<IList<ImagesListResponse>> ListImagesAsync(IDockerClient docker,
        Dictionary<string, IDictionary<string, bool>> filter, CancellationToken ct)
        => await docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }, ct)
            .ConfigureAwait(false);

    private static async Task<IList<VolumeResponse>> ListVolumesAsync(IDockerClient docker,
        Dictionary<string, IDictionary<string, bool>> filter, CancellationToken ct)
        => (await docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, ct).ConfigureAwait(false))
            .Volumes ?? [];

    // Force: the container may still run. Gone already, or being removed by someone else (another sweep or its own
    // run's cleanup, which answers 409 "removal ... already in progress"), counts as not removed.
    private static async Task<bool> TryRemoveContainerAsync(IDockerClient docker, string id, CancellationToken ct)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(id,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct).ConfigureAwait(false);
            return true;
        }
        catch (DockerContainerNotFoundException) { return false; }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Conflict
            or System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    // Force: the image may carry several tags (a content-hash tag reused by a later run points elsewhere by then).
    private static async Task<bool> TryRemoveImageAsync(IDockerClient docker, string id, CancellationToken ct)
    {
        try
        {
            await docker.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = true }, ct)
                .ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Conflict
            or System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static async Task<bool> TryRemoveVolumeAsync(IDockerClient docker, string name, CancellationToken ct)
    {
        try { await docker.Volumes.RemoveAsync(name, force: false, ct).ConfigureAwait(false); return true; }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Conflict
            or System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static DateTimeOffset ParseTime(string? text)
        => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t : DateTimeOffset.UtcNow;
}
