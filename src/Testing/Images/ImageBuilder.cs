using System.Collections.Concurrent;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;

namespace Platform.Testing;

/// <summary>
/// Builds a test image from a base image plus files, links and Dockerfile instructions: a generated Dockerfile and
/// context folder, built by Testcontainers' <see cref="ImageFromDockerfileBuilder"/> (locally, nothing is pulled).
/// Images are tagged <c>platform-test:&lt;content hash&gt;</c>: the same content asked for again in the same run
/// reuses the image instead of building it again. Images are removed with their run
/// (<see cref="DockerFixture"/>, <see cref="DockerSweeper"/>).
/// </summary>
/// <example><code>
/// var image = await new ImageBuilder().From(BaseImages.Base).AddPlatform(Published.Directory)
///     .AddText("/etc/systemd/system/web.service", "[Service]\nExecStart=/usr/bin/python3 -m http.server\n")
///     .BuildAsync();
/// </code></example>
public sealed class ImageBuilder
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> BuildLocks = new();
    private readonly TestRun run;
    private readonly List<ImageStep> steps = [];
    private readonly Dictionary<string, string> labels = [];
    private string from = BaseImages.Base;

    /// <summary>
    /// Starts an image for <paramref name="run"/> (default: this process's run) on top of
    /// <see cref="BaseImages.Base"/>.
    /// </summary>
    public ImageBuilder(TestRun? run = null)
    {
        this.run = run ?? TestRun.Current;
    }

    /// <summary>The base image (name:tag or id); default <see cref="BaseImages.Base"/>.</summary>
    public ImageBuilder From(string image)
    {
        from = string.IsNullOrWhiteSpace(image) ? throw new ArgumentException("base image must not be empty",
            nameof(image)) : image;
        return this;
    }

    /// <summary>
    /// Copies a host folder tree (files, subfolders, symlinks, modes kept) to <paramref name="imageDir"/>.
    /// </summary>
    public ImageBuilder AddDirectory(string hostDir, string imageDir, string? owner = null)
    {
        if (!Directory.Exists(hostDir)) throw new ArgumentException($"no such folder: {hostDir}", nameof(hostDir));
        steps.Add(new ImageStep(ImageStepKind.Tree, ImagePath.Normalize(imageDir), owner,
            HostPath: Path.GetFullPath(hostDir)));
        return this;
    }

    /// <summary>
    /// Copies one host file to <paramref name="imagePath"/>, with the host file's mode unless one is given.
    /// </summary>
    public ImageBuilder AddFile(string hostFile, string imagePath, UnixFileMode? mode = null, string? owner = null)
    {
        if (!File.Exists(hostFile)) throw new ArgumentException($"no such file: {hostFile}", nameof(hostFile));
        steps.Add(new ImageStep(ImageStepKind.File, ImagePath.Normalize(imagePath), owner,
            HostPath: Path.GetFullPath(hostFile),
            Mode: mode ?? File.GetUnixFileMode(hostFile)));
        return this;
    }

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8) to <paramref name="imagePath"/>, mode 0644 unless given.
    /// </summary>
    public ImageBuilder AddText(string imagePath, string text, UnixFileMode? mode = null, string? owner = null)
    {
        steps.Add(new ImageStep(ImageStepKind.File, ImagePath.Normalize(imagePath), owner,
            Content: Encoding.UTF8.GetBytes(text),
            Mode: mode ?? ImagePlan.RegularMode));
        return this;
    }

    /// <summary>
    /// Writes an executable script (mode 0755), e.g. a fake service: <c>"#!/bin/sh\nexec sleep infinity\n"</c>.
    /// </summary>
    public ImageBuilder AddExecutable(string imagePath, string script, string? owner = null)
        => AddText(imagePath, script, ImagePlan.ExecutableMode, owner);

    /// <summary>
    /// Creates a symbolic link at <paramref name="linkPath"/> pointing to <paramref name="target"/> (taken as is).
    /// </summary>
    public ImageBuilder Symlink(string linkPath, string target)
    {
        if (string.IsNullOrEmpty(target)) throw new ArgumentException("link target must not be empty", nameof(target));
        steps.Add(new ImageStep(ImageStepKind.Symlink, ImagePath.Normalize(linkPath), null, LinkTarget: target));
        return this;
    }

    /// <summary>
    /// Installs a published Platform folder: copies it to <c>/usr/lib/platform/</c> and links
    /// <c>/usr/bin/systemctl</c>, <c>/usr/bin/journalctl</c> and <c>/usr/bin/systemd-notify</c> to
    /// <c>/usr/lib/platform/systemctl</c>.
    /// </summary>
    public ImageBuilder AddPlatform(string publishDir)
    {
        if (!File.Exists(Path.Join(publishDir, "systemctl")))
            throw new ArgumentException($"no systemctl in {publishDir}: publish first (dotnet publish src/Host -o DIR)",
                nameof(publishDir));
        AddDirectory(publishDir, BaseImages.PlatformDirectory);
        foreach (var name in (string[])["systemctl", "journalctl", "systemd-notify"])
            Symlink("/usr/bin/" + name, BaseImages.PlatformDirectory + "/systemctl");
        return this;
    }

    /// <summary>
    /// Installs the managed plugin host add-on (a published <c>src/PluginHost</c> folder) at
    /// <c>/usr/lib/platform/plugin-host/</c>, where the native systemctl hands calls to it when a third-party plugin is
    /// installed. Images that test third-party plugins need it; the default install does not.
    /// </summary>
    public ImageBuilder AddPluginHost(string pluginHostDir)
    {
        if (!File.Exists(Path.Join(pluginHostDir, "systemctl-plugin-host")))
            throw new ArgumentException($"no systemctl-plugin-host in {pluginHostDir}: publish first "
                + "(dotnet publish src/PluginHost -o DIR)", nameof(pluginHostDir));
        return AddDirectory(pluginHostDir, BaseImages.PlatformDirectory + "/plugin-host");
    }

    /// <summary>
    /// Appends a raw Dockerfile instruction (runs after the files added so far), e.g. <c>RUN useradd -u 1000 app</c>.
    /// </summary>
    public ImageBuilder WithInstruction(string instruction)
    {
        if (string.IsNullOrWhiteSpace(instruction) || instruction.Contains('\n'))
            throw new ArgumentException($"one single-line Dockerfile instruction expected: {instruction}",
                nameof(instruction));
        steps.Add(new ImageStep(ImageStepKind.Instruction, "", null, Instruction: instruction));
        return this;
    }

    /// <summary>Shorthand for <c>WithInstruction("RUN " + shellCommand)</c> (runs with network mode none).</summary>
    public ImageBuilder Run(string shellCommand) => WithInstruction("RUN " + shellCommand);

    /// <summary>Adds a label to the image (besides the run's <c>platform.*</c> labels).</summary>
    public ImageBuilder WithLabel(string key, string value)
    {
        labels[key] = value;
        return this;
    }

    /// <summary>Builds the image, or returns the one this run already built from identical content.</summary>
    /// <exception cref="ImageBuildException">The build failed; the message carries the daemon's error.</exception>
    public async Task<TestImage> BuildAsync(CancellationToken ct = default)
    {
        DockerEnvironment.Ensure();
        var docker = DockerEnvironment.Client;
        ImageInspectResponse baseImage;
        try { baseImage = await docker.Images.InspectImageAsync(from, ct).ConfigureAwait(false); }
        catch (DockerImageNotFoundException)
        {
            throw new InvalidOperationException(
                $"base image {from} is missing: run scripts/provision-docker.sh (or scripts/build-base-image.sh)");
        }
        var plan = ImagePlan.Create(from, baseImage.ID, steps, labels);
        var hash = await plan.ComputeHashAsync(from, ct).ConfigureAwait(false);
        var tag = "platform-test:" + hash[..24];

        var gate = BuildLocks.GetOrAdd(tag, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        var context = Directory.CreateTempSubdirectory("platform-image-");
        try
        {
            var existing = await TryInspectAsync(docker, tag, ct).ConfigureAwait(false);
            if (existing?.Config?.Labels is { } found && found.TryGetValue(TestRun.RunLabel, out var builtBy)
                && builtBy == run.Id)
                return new TestImage(tag, existing!.ID, FromCache: true);
            await plan.WriteAsync(context.FullName, from, run.Labels, ct).ConfigureAwait(false);
            var image = new ImageFromDockerfileBuilder()
                .WithDockerfileDirectory(context.FullName)
                .WithDockerfile("Dockerfile")
                .WithName(tag)
                .WithDeleteIfExists(false)
                .WithImageBuildPolicy(_ => true)
                .WithLogger(DockerEnvironment.Logger)
                .Build();
            try { await image.CreateAsync(ct).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ImageBuildException(e.Message, plan.Dockerfile, e);
            }
            var built = await docker.Images.InspectImageAsync(tag, ct).ConfigureAwait(false);
            return new TestImage(tag, built.ID, FromCache: false);
        }
        finally
        {
            context.Delete(recursive: true);
            gate.Release();
        }
    }

    private static async Task<ImageInspectResponse?> TryInspectAsync(IDockerClient docker, string image,
        CancellationToken ct)
    {
        try { return await docker.Images.InspectImageAsync(image, ct).ConfigureAwait(false); }
        catch (DockerImageNotFoundException) { return null; }
    }
}
