namespace Platform.Testing;

/// <summary>
/// An image built for this run. It lives as long as the run: <see cref="DockerFixture"/> removes it at the end
/// (other tests of the run may share it through the content-hash tag, so there is no per-test disposal).
/// </summary>
/// <param name="Tag">The <c>platform-test:&lt;content hash&gt;</c> tag.</param>
/// <param name="Id">Image id, <c>sha256:...</c>.</param>
/// <param name="FromCache">True when this run had built identical content before and the image was reused.</param>
public sealed record TestImage(string Tag, string Id, bool FromCache)
{
    /// <summary>The tag, so a <see cref="TestImage"/> can stand where an image name is expected.</summary>
    public override string ToString() => Tag;
}
