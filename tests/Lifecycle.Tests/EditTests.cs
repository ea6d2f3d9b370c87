using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// edit, driven through $EDITOR set to a script: systemd 252's temporary file, markers, --full, --force and messages.
/// </summary>
public sealed class EditTests : IDisposable
{
    private const string Marker =
        "### Anything between here and the comment below will become the new contents of the file";
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private CommandResult Edit(string editorScript, params string[] arguments)
    {
        var editor = _box.Root.WriteScript("/editor.sh", "#!/bin/sh\n" + editorScript);
        return Published.Run(["--root=" + _box.Path, "edit", .. arguments],
            new Dictionary<string, string?> { ["SYSTEMD_EDITOR"] = null, ["EDITOR"] = editor, ["VISUAL"] = null });
    }

    [Fact]
    public void EditWritesWhatTheEditorPutsBetweenTheMarkersAsOverrideConfAndTheNextStartSeesIt()
    {
        var dump = _box.File("env.out");
        _box.Unit("web.service",
            $"[Unit]\nDescription=Web\n\n[Service]\nType=oneshot\nExecStart=/bin/sh -c 'env > {dump}'\n");
        var seen = _box.File("seen.txt");

        // Like a person in an editor: insert below the first marker; text appended after the second marker is
        // discarded.
        var edit = Edit(
            $"cat \"$1\" > {seen}\nsed -i '/^{Marker}/a [Service]\\nEnvironment=X=1' \"$1\"\n"
            + $"printf '\\nEnvironment=DISCARDED=1\\n' >> \"$1\"\n", "web");

        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("### Editing /etc/systemd/system/web.service.d/override.conf\n" + Marker + "\n\n\n\n" +
            "### Lines below this comment will be discarded\n\n### /etc/systemd/system/web.service\n# [Unit]\n"
                + "# Description=Web\n# \n" +
            $"# [Service]\n# Type=oneshot\n# ExecStart=/bin/sh -c 'env > {dump}'", File.ReadAllText(seen));
        // systemd 252 strips surrounding whitespace and writes no final newline.
        Assert.Equal("[Service]\nEnvironment=X=1", File.ReadAllText(
            _box.File("etc/systemd/system/web.service.d/override.conf")));
        Assert.Empty(Directory.GetFiles(_box.File("etc/systemd/system/web.service.d"), ".#*"));
        var cat = _box.Systemctl("cat", "web");
        Assert.EndsWith("# /etc/systemd/system/web.service.d/override.conf\n[Service]\nEnvironment=X=1\n", cat.Stdout);
        Assert.Equal(0, _box.Systemctl("start", "web").ExitCode);
        Assert.Contains("X=1", File.ReadAllLines(dump));
        Assert.DoesNotContain("DISCARDED=1", File.ReadAllLines(dump));
    }

    [Fact]
    public void ASecondEditStartsFromTheCurrentOverrideAndListsTheOtherDropInsAsComments()
    {
        _box.Unit("web.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Root.Write("/etc/systemd/system/web.service.d/10-a.conf", "[Unit]\nDescription=ten\n");
        _box.Root.Write("/etc/systemd/system/web.service.d/override.conf", "[Service]\nEnvironment=A=1\n");
        var seen = _box.File("seen.txt");

        var edit = Edit($"cp \"$1\" {seen}\n", "web");

        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("### Editing /etc/systemd/system/web.service.d/override.conf\n" + Marker
            + "\n\n[Service]\nEnvironment=A=1\n\n" +
            "### Lines below this comment will be discarded\n\n### /etc/systemd/system/web.service\n# [Service]\n"
                + "# ExecStart=/bin/sleep 300\n\n" +
            "### /etc/systemd/system/web.service.d/10-a.conf\n# [Unit]\n# Description=ten", File.ReadAllText(seen));
    }

    [Fact]
    public void AnEmptyResultCancelsAndAFailingEditorWritesNothing()
    {
        _box.Unit("web.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Root.Write("/etc/systemd/system/web.service.d/override.conf", "[Service]\nEnvironment=A=1\n");

        var emptied = Edit(": > \"$1\"\n", "web");
        var failed = Edit($"sed -i '/^{Marker}/a Environment=B=2' \"$1\"\nexit 3\n", "web");

        Assert.Equal(
            (0, "Editing \"/etc/systemd/system/web.service.d/override.conf\" canceled: temporary file is empty.\n"),
            (emptied.ExitCode, emptied.Stderr));
        Assert.Equal((0, "(editor) failed with exit status 3.\n"), (failed.ExitCode, failed.Stderr));
        Assert.Equal("[Service]\nEnvironment=A=1\n", File.ReadAllText(
            _box.File("etc/systemd/system/web.service.d/override.conf")));
    }

    [Fact]
    public void EditOfAnUnknownUnitFailsAndForceCreatesIt()
    {
        var unknown = Edit("echo '[Service]' > \"$1\"\n", "nope");
        var forced = Edit("printf '[Service]\\nExecStart=/bin/true\\n' > \"$1\"\n", "--force", "--full", "nope");

        Assert.Equal(
            (1, "No files found for nope.service.\n"
            + "Run 'systemctl edit --force --full nope.service' to create a new unit.\n"),
            (unknown.ExitCode, unknown.Stderr));
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("[Service]\nExecStart=/bin/true", File.ReadAllText(_box.File("etc/systemd/system/nope.service")));
        Assert.Equal("loaded", _box.Property("nope.service", "LoadState"));
    }

    [Fact]
    public void FullEditsACopyOfTheVendorUnitInEtc()
    {
        var vendor = _box.Root.WriteUnit("vendor.service",
            "[Unit]\nDescription=Vendor\n\n[Service]\nExecStart=/bin/sleep 300\n", "/usr/lib/systemd/system");

        var edit = Edit("sed -i 's/^Description=.*/Description=Edited/' \"$1\"\n", "--full", "vendor");

        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("[Unit]\nDescription=Edited\n\n[Service]\nExecStart=/bin/sleep 300",
            File.ReadAllText(_box.File("etc/systemd/system/vendor.service")));
        Assert.Equal("[Unit]\nDescription=Vendor\n\n[Service]\nExecStart=/bin/sleep 300\n", File.ReadAllText(vendor));
        Assert.Equal("Edited", _box.Property("vendor.service", "Description"));
    }

    [Fact]
    public void RuntimeEditsUnderRunAndMaskedUnitsAreRefused()
    {
        _box.Unit("web.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Root.Link("/etc/systemd/system/masked.service", "/dev/null");

        var runtime = Edit($"sed -i '/^{Marker}/a [Unit]\\nDescription=Runtime' \"$1\"\n", "--runtime", "web");
        var masked = Edit(": \n", "masked");

        Assert.True(runtime.ExitCode == 0, runtime.ToString());
        Assert.Equal("[Unit]\nDescription=Runtime", File.ReadAllText(
            _box.File("run/systemd/system/web.service.d/override.conf")));
        Assert.Equal("Runtime", _box.Property("web.service", "Description"));
        Assert.Equal((1, "Cannot edit masked.service: unit is masked.\n"), (masked.ExitCode, masked.Stderr));
    }
}
