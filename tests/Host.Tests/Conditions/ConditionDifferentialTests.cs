using Platform.TestSupport;

namespace Platform.Host.Tests.Conditions;

/// <summary>
/// Every condition kind of systemd 252 evaluated by <c>systemd-analyze condition</c> and by our hidden
/// <c>systemctl condition</c> on this machine: same verdict per condition, same summary, same exit code. The
/// expressions are chosen to be decided by the machine (capabilities, container, memory...), so both read the same
/// facts.
/// </summary>
[Trait("Category", "Differential")]
public sealed class ConditionDifferentialTests : IClassFixture<ConditionFiles>
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["LC_ALL"] = "C.UTF-8", ["SYSTEMD_LOG_COLOR"] = "0", ["SYSTEMD_COLORS"] = "0", ["PLATFORM_TEST_VAR"] = "yes",
    };

    private readonly ConditionFiles _files;

    public ConditionDifferentialTests(ConditionFiles files) => _files = files;

    public static TheoryData<string> Expressions =>
    [
        "ConditionCapability=CAP_SYS_TIME", "ConditionCapability=!CAP_CHOWN", "ConditionCapability=cap_net_admin",
        "ConditionCapability=CAP_NOT_A_CAP", "ConditionCapability=!CAP_NOT_A_CAP",
            "ConditionCapability=CAP_CHECKPOINT_RESTORE",
        "ConditionVirtualization=container", "ConditionVirtualization=!container", "ConditionVirtualization=docker",
        "ConditionVirtualization=podman", "ConditionVirtualization=vm", "ConditionVirtualization=yes",
            "ConditionVirtualization=no",
        "ConditionVirtualization=private-users", "ConditionVirtualization=!private-users",
            "ConditionVirtualization=kvm",
        "ConditionArchitecture=native", "ConditionArchitecture=x86-64", "ConditionArchitecture=arm64",
            "ConditionArchitecture=bogus",
        "ConditionFirmware=uefi", "ConditionFirmware=device-tree", "ConditionFirmware=device-tree-compatible(foo)",
        "ConditionHost=*", "ConditionHost=no-such-host-name", "ConditionHost=00000000000000000000000000000001",
        "ConditionKernelCommandLine=no.such.option", "ConditionKernelCommandLine=!no.such.option=1",
        "ConditionKernelVersion=>=5", "ConditionKernelVersion=<3", "ConditionKernelVersion=> 5",
            "ConditionKernelVersion=>4 <100",
        "ConditionKernelVersion=!=5", "ConditionKernelVersion=6.*", "ConditionKernelVersion=2.*",
            "ConditionKernelVersion==1.0",
        "ConditionCredential=no-such-cred", "ConditionSecurity=selinux", "ConditionSecurity=apparmor",
            "ConditionSecurity=audit",
        "ConditionSecurity=smack", "ConditionSecurity=tomoyo", "ConditionSecurity=ima",
            "ConditionSecurity=uefi-secureboot",
        "ConditionSecurity=tpm2", "ConditionSecurity=bogus", "ConditionACPower=true", "ConditionACPower=false",
            "ConditionACPower=maybe",
        "ConditionFirstBoot=yes", "ConditionFirstBoot=no", "ConditionNeedsUpdate=/etc", "ConditionNeedsUpdate=/var",
        "ConditionUser=root", "ConditionUser=0", "ConditionUser=@system", "ConditionUser=nobody", "ConditionUser=65534",
        "ConditionUser=no-such-user", "ConditionGroup=root", "ConditionGroup=0", "ConditionGroup=nogroup",
            "ConditionGroup=no-such-group",
        "ConditionControlGroupController=cpu", "ConditionControlGroupController=memory pids",
            "ConditionControlGroupController=bogus",
        "ConditionControlGroupController=v1", "ConditionControlGroupController=v2",
            "ConditionControlGroupController=cpuacct",
        "ConditionMemory=>1G", "ConditionMemory=<1G", "ConditionMemory=1M", "ConditionMemory=>=1E",
            "ConditionMemory=bogus",
        "ConditionCPUs=>=1", "ConditionCPUs=<1", "ConditionCPUs=>1000", "ConditionCPUs=!=0", "ConditionCPUs=x",
        "ConditionCPUFeature=sse2", "ConditionCPUFeature=no_such_feature",
        "ConditionOSRelease=ID=debian", "ConditionOSRelease=ID!=debian", "ConditionOSRelease=VERSION_ID>=11",
        "ConditionOSRelease=VERSION_ID<11", "ConditionOSRelease=ID = debian", "ConditionOSRelease=NO_SUCH_KEY=x",
            "ConditionOSRelease=garbage",
        "ConditionMemoryPressure=100%", "ConditionCPUPressure=100%/1min", "ConditionIOPressure=100%/5min",
            "ConditionMemoryPressure=x",
        "ConditionIOPressure=10%/2min", "ConditionEnvironment=PLATFORM_TEST_VAR",
            "ConditionEnvironment=PLATFORM_TEST_VAR=yes",
        "ConditionEnvironment=PLATFORM_TEST_VAR=no", "ConditionEnvironment=NO_SUCH_VARIABLE",
        "ConditionPathExists=/etc/passwd", "ConditionPathExists=!/etc/passwd", "ConditionPathExists=/no/such/path",
        "ConditionPathExists=|/no/such/path", "ConditionPathExistsGlob=/etc/pass*",
            "ConditionPathExistsGlob=/e*/pas?wd",
        "ConditionPathExistsGlob=/no*/x", "ConditionPathIsDirectory=/etc", "ConditionPathIsDirectory=/etc/passwd",
        "ConditionPathIsMountPoint=/", "ConditionPathIsMountPoint=/proc", "ConditionPathIsMountPoint=/etc",
        "ConditionPathIsReadWrite=/", "ConditionPathIsReadWrite=/proc/sys", "ConditionPathIsReadWrite=/no/such/path",
        "ConditionPathIsEncrypted=/", "ConditionFileIsExecutable=/bin/sh", "ConditionFileIsExecutable=/etc/passwd",
        "ConditionFileNotEmpty=/etc/passwd", "ConditionDirectoryNotEmpty=/etc",
            "ConditionDirectoryNotEmpty=/no/such/path",
        "AssertPathExists=/etc", "AssertPathExists=/no/such/path", "AssertCapability=!CAP_CHOWN",
        "ConditionPathExists=relative/path",
        "{d}/empty-file FileNotEmpty", "{d}/data FileNotEmpty", "{d}/data FileIsExecutable",
            "{d}/tool FileIsExecutable",
        "{d}/link-to-data PathIsSymbolicLink", "{d}/data PathIsSymbolicLink", "{d}/dangling PathExists",
            "{d}/dangling PathIsSymbolicLink",
        "{d}/link-to-data FileNotEmpty", "{d}/empty-dir DirectoryNotEmpty", "{d}/hidden-only DirectoryNotEmpty",
        "{d}/backup-only DirectoryNotEmpty", "{d}/full-dir DirectoryNotEmpty", "{d}/data DirectoryNotEmpty",
            "{d}/*/visible PathExistsGlob",
        "{d}/link-to-dir PathIsDirectory",
    ];

    [AnalyzeTheory]
    [MemberData(nameof(Expressions))]
    public void OursAgreesWithSystemdAnalyze(string expression)
    {
        expression = _files.Expand(expression);
        var real = CommandRunner.Run(AnalyzeTheoryAttribute.Analyze, ["condition", expression], Environment);
        var ours = Published.Run(["condition", expression], Environment);
        Assert.True(real.ExitCode == ours.ExitCode && real.Stderr == ours.Stderr,
            $"{expression}\nsystemd-analyze: {real}\nours: {ours}");
    }

    /// <summary>
    /// Several at once: the list order (reverse of assignment), stopping at the first plain failure, and triggers.
    /// </summary>
    [AnalyzeTheory]
    [InlineData("ConditionPathExists=/etc", "ConditionPathExists=|/no/such", "ConditionPathExists=/nope",
        "ConditionPathExists=/etc/passwd")]
    [InlineData("ConditionPathExists=|/no/such", "ConditionPathExists=|/etc", "ConditionCapability=CAP_CHOWN")]
    [InlineData("ConditionPathExists=|/no/such", "ConditionPathExists=|!/etc")]
    [InlineData("ConditionPathExists=/no/such", "ConditionPathExists=", "ConditionUser=root")]
    [InlineData("AssertPathExists=/no/such", "ConditionPathExists=/etc")]
    public void ListsAgreeWithSystemdAnalyze(params string[] expressions)
    {
        var real = CommandRunner.Run(AnalyzeTheoryAttribute.Analyze, ["condition", .. expressions], Environment);
        var ours = Published.Run(["condition", .. expressions], Environment);
        Assert.True(real.ExitCode == ours.ExitCode && real.Stderr == ours.Stderr,
            $"systemd-analyze: {real}\nours: {ours}");
    }
}
