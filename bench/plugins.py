#!/usr/bin/env python3
"""Cost of a third-party plugin (issue 14): with one installed, the native systemctl hands the calls that may need it
(list-plugins, anything that may start a unit) to the managed plugin host; queries and install-state commands stay
native. Every command must be no slower than the managed build itself.

usage: bench/plugins.py [--runs N] [--no-build] [--old DIR]
Installs the test fixture plugin Fixture.Good (a log sink, built by `dotnet build tests/Host.Tests -c Release` into
artifacts/fixtures) under ROOT/etc/platform/plugins of a 100-unit root, then times each command three ways:
  native   the native systemctl on the same root without the plugin (no hand-off, for reference)
  managed  the managed plugin host run directly on the root with the plugin (the managed build: what every call cost
           before the native build, and the work left once a plugin is installed)
  handoff  the native systemctl on the root with the plugin: it execs the plugin host when the call may need it
  old      with --old DIR: the systemctl of an earlier managed build in DIR (e.g. published from commit 3b2fe7e, before
           the native build), with the same plugin installed
Prints medians in ms and handoff/managed (target: <= 1.0, i.e. the front end's check and execve are lost in noise),
and handoff/old.
"""
import os, shutil, subprocess, tempfile
from timing import setup, make_root, measure, repo

args, systemctl = setup(lambda ap: ap.add_argument("--old", help="folder of an earlier managed systemctl"))
plugin_host = os.environ.get("PLATFORM_PLUGIN_HOST") or os.path.join(repo, "artifacts", "plugin-host",
                                                                      "systemctl-plugin-host")
if not args.no_build or not os.path.exists(plugin_host):
    subprocess.run(["dotnet", "publish", os.path.join(repo, "src/PluginHost"), "-c", "Release", "-o",
                    os.path.dirname(plugin_host), "-nologo", "-v", "quiet"], check=True)
fixture = os.path.join(repo, "artifacts", "fixtures", "Release", "Fixture.Good")
if not os.path.exists(fixture):
    subprocess.run(["dotnet", "build", os.path.join(repo, "tests/Host.Tests"), "-c", "Release", "-nologo", "-v",
                    "quiet"], check=True)

cases = [
    ("is-enabled", ["is-enabled", "svc-0002.service"]),
    ("is-active", ["is-active", "svc-0002.service"]),
    ("show -p ActiveState", ["show", "svc-0002.service", "-p", "ActiveState"]),
    ("list-unit-files", ["list-unit-files"]),
    ("list-plugins", ["list-plugins"]),
    ("start oneshot", ["start", "once.service"]),
]
env = dict(os.environ, PLATFORM_PLUGIN_HOST=plugin_host)
print(f"{'command':<22} {'native':>7} {'managed':>8} {'handoff':>8} {'handoff/managed':>16} {'old':>7} "
      f"{'handoff/old':>12}")
with tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp:
    bare, loaded = os.path.join(tmp, "bare"), os.path.join(tmp, "plugin")
    make_root(bare, 100)
    make_root(loaded, 100)
    for root in (bare, loaded):
        with open(os.path.join(root, "etc", "systemd", "system", "once.service"), "w") as f:
            f.write("[Service]\nType=oneshot\nExecStart=/bin/true\n")
    shutil.copytree(fixture, os.path.join(loaded, "etc", "platform", "plugins", "good"))
    for folder, _, _ in os.walk(os.path.join(loaded, "etc", "platform")):
        os.chmod(folder, 0o755)
    for label, argv in cases:
        n, _, _ = measure([systemctl, f"--root={bare}", *argv], args.runs, baseline=[systemctl, f"--root={bare}", *argv],
                          env=env)
        m, h, codes = measure([systemctl, f"--root={loaded}", *argv], args.runs,
                              baseline=[plugin_host, f"--root={loaded}", *argv], env=env)
        old, ratio = "-", "-"
        if args.old:
            o, h2, _ = measure([systemctl, f"--root={loaded}", *argv], args.runs,
                               baseline=[os.path.join(args.old, "systemctl"), f"--root={loaded}", *argv], env=env)
            old, ratio = f"{o:.1f}", f"{h2 / o:.2f}"
        print(f"{label:<22} {n:>7.1f} {m:>8.1f} {h:>8.1f} {h / m:>16.2f} {old:>7} {ratio:>12}  exit={sorted(codes)}",
              flush=True)
