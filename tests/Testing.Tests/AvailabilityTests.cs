using System.Net.Sockets;
using System.Text;

namespace Platform.Testing.Tests;

public sealed class AvailabilityTests
{
    [Fact]
    public void ProbeOfAMissingSocketSaysItDoesNotExist()
    {
        var problem = DaemonProbe.Probe("/nonexistent/docker.sock", "/_ping");
        Assert.Contains("/nonexistent/docker.sock does not exist", problem);
    }

    [Fact]
    public void ProbeOfASocketNobodyListensOnSaysItCannotReachTheDaemon()
    {
        var path = Path.Join(Path.GetTempPath(), $"platform-probe-{Guid.NewGuid():N}.sock");
        // Bound but not listening: connecting is refused. (Disposing a bound socket deletes its file.)
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            Assert.Contains("cannot reach the Docker daemon", DaemonProbe.Probe(path, "/_ping"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public Task ProbeOfAServerAnsweringAnErrorQuotesItsStatusLine()
        => WithOneAnswer("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n",
            path => Assert.Contains("\"HTTP/1.1 500 Internal Server Error\"", DaemonProbe.Probe(path, "/_ping")));

    [Fact]
    public Task ProbeReadsTheDaemonsApiVersionFromThePingAnswer()
        => WithOneAnswer("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK", path =>
        {
            Assert.Null(DaemonProbe.Probe(path, "/_ping", out var version));
            Assert.Equal("1.41", version);
        });

    /// <summary>
    /// Runs <paramref name="probe"/> against a unix socket whose one client gets <paramref name="answer"/> after its
    /// request.
    /// </summary>
    private static async Task WithOneAnswer(string answer, Action<string> probe)
    {
        var path = Path.Join(Path.GetTempPath(), $"platform-probe-{Guid.NewGuid():N}.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptAsync();
            await client.ReceiveAsync(new byte[1024]);
            await client.SendAsync(Encoding.ASCII.GetBytes(answer));
        });
        try
        {
            probe(path);
            await server;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DockerFactSkipsForAMissingImageUnlessDockerIsRequired()
    {
        var fact = new DockerFactAttribute { Image = "platform-no-such-image:never" };
        Assert.Equal(DockerAvailability.IsImageRequired("platform-no-such-image:never"), fact.Skip is null);
        Assert.Null(DockerAvailability.SkipReason("platform-no-such-image:never", required: true));
        var reason = DockerAvailability.SkipReason("platform-no-such-image:never", required: false);
        Assert.StartsWith("Docker unavailable: ", reason);
        Assert.Contains("REQUIRE_DOCKER=", reason);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("0", BaseImages.Base, false)]
    [InlineData("1", null, true)]
    [InlineData("1", BaseImages.Base, true)]
    [InlineData("1", BaseImages.SystemdReference, false)]
    [InlineData("all", BaseImages.SystemdReference, true)]
    [InlineData("all", BaseImages.Base, true)]
    public void RequireDockerOneCoversTheDaemonAndBaseImageAndAllCoversEveryImage(string? setting, string? image,
        bool required)
        => Assert.Equal(required, DockerAvailability.IsImageRequired(image, setting));

    [Fact]
    public void AnExplicitSkipWinsOverTheDockerCheck()
    {
        Assert.Equal("not today", new DockerFactAttribute { Skip = "not today" }.Skip);
    }
}
