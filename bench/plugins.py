#!/usr/bin/env python3
"""Cost of a third-party plugin (issue 14): with one installed, the native systemctl hands every call to the managed
plugin host, which must be no slower than the managed build itself.

usage: bench/plugins.py [--runs N] [--no-build]
Installs the test fixture plugin Fixture.Good (a log sink, built by `dotnet build tests/Host.Tests -c Release` into
artifacts/fixtures) under ROOT/etc/platform/plugins of a 100-unit root, then times each command three ways:
  native   the native systemctl on the same root without the plugin (no hand-off, for reference)
  managed  the managed plugin host run directly on the root with the plugin (the managed build: what every call cost
           before the native build, and the work left once a plugin is installed)
  handoff  the native systemctl on the root with the plugin: it finds the plugin and execs the plugin host
Prints medians in ms and handoff/managed (target: <= 1.0, i.e. the front end's check and execve are lost in noise).
"""
import os, shutil, subprocess, tempfile
from timing import setup, make_root, measure, repo

args, systemctl = setup()
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
]
env = dict(os.environ, PLATFORM_PLUGIN_HOST=plugin_host)
print(f"{'command':<22} {'native':>7} {'managed':>8} {'handoff':>8} {'handoff/managed':>16}")
with tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp:
    bare, loaded = os.path.join(tmp, "bare"), os.path.join(tmp, "plugin")
    make_root(bare, 100)
    make_root(loaded, 100)
    shutil.copytree(fixture, os.path.join(loaded, "etc", "platform", "plugins", "good"))
    for folder, _, _ in os.walk(os.path.join(loaded, "etc", "platform")):
        os.chmod(folder, 0o755)
    for label, argv in cases:
        n, _, _ = measure([systemctl, f"--root={bare}", *argv], args.runs, baseline=[systemctl, f"--root={bare}", *argv],
                          env=env)
        m, h, codes = measure([systemctl, f"--root={loaded}", *argv], args.runs,
                              baseline=[plugin_host, f"--root={loaded}", *argv], env=env)
        print(f"{label:<22} {n:>7.1f} {m:>8.1f} {h:>8.1f} {h / m:>16.2f}  exit={sorted(codes)}", flush=True)
