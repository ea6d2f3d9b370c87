using Platform.Exec;

namespace Platform.ServiceTypes.Tests;

public sealed class ServiceEnvironmentTests
{
    [Fact]
    public void EnvironmentFileOverridesEnvironmentWhichOverridesManagerVariables()
    {
        var env = new ServiceEnvironmentSpec
        {
            InvocationId = "0123456789abcdef0123456789abcdef",
            NotifySocket = "/run/notify",
            MainPid = 42,
            Environment = [new("A", "from-environment"), new("B", "b"), new("MAINPID", "overridden")],
            EnvironmentFiles = [new("A", "from-file")],
        }.Build();
        Assert.Equal(ExecutableResolver.SearchPath, env["PATH"]);
        Assert.Equal("0123456789abcdef0123456789abcdef", env["INVOCATION_ID"]);
        Assert.Equal("/run/notify", env["NOTIFY_SOCKET"]);
        Assert.Equal("from-file", env["A"]);
        Assert.Equal("b", env["B"]);
        Assert.Equal("overridden", env["MAINPID"]);
        Assert.Contains("A=from-file", env.ToEnvp());
    }

    [Fact]
    public void UserDirectoriesWatchdogAndUnsetAreApplied()
    {
        var nobody = UserCredentials.Resolve("nobody");
        var env = new ServiceEnvironmentSpec
        {
            User = nobody,
            RuntimeDirectories = ["/run/a", "/run/b"],
            StateDirectories = ["/var/lib/a"],
            Watchdog = TimeSpan.FromSeconds(3),
            WatchdogPid = 7,
            Environment = [new("KEEP", "1"), new("DROP", "x"), new("ONLYIF", "no")],
            UnsetEnvironment = ["DROP", "ONLYIF=yes"],
        }.Build();
        Assert.Equal(("nobody", "nobody", nobody.Home, nobody.Shell),
            (env["USER"], env["LOGNAME"], env["HOME"], env["SHELL"]));
        Assert.Equal("/run/a:/run/b", env["RUNTIME_DIRECTORY"]);
        Assert.Equal("/var/lib/a", env["STATE_DIRECTORY"]);
        Assert.Equal("3000000", env["WATCHDOG_USEC"]);
        Assert.Equal("7", env["WATCHDOG_PID"]);
        Assert.False(env.ContainsKey("DROP"));
        Assert.Equal("no", env["ONLYIF"]);
        Assert.False(env.ContainsKey("CACHE_DIRECTORY"));
    }

    [Fact]
    public void UnknownUserFailsLikeSystemd()
    {
        var e = Assert.Throws<Platform.Abstractions.ServiceStartException>(() =>
            UserCredentials.Resolve("no-such-user-xyz"));
        Assert.Equal("Failed to determine user credentials: No such process", e.Message);
    }
}
