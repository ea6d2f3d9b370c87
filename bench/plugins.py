#!/usr/bin/env python3
"""Cost of installed third-party plugins: the same commands with none and with ten plugin folders installed.

usage: bench/plugins.py [--runs N] [--no-build]
Issue 7's target: with ten third-party plugins installed, `is-enabled` stays within 1.2x of the time without
them. Commands that need a plugin (is-active opens the status store) read the manifests of every folder, so
their ratio is printed too. The ten plugins are copies of a built-in plugin folder with their own manifest
names (their exports are shadowed by the built-in one, so every manifest is read and checked but the
commands behave the same), installed under ROOT/etc/platform/plugins (the documented third-party folder).
"""
import json, os, shutil, sys, tempfile
from timing import setup, make_root, measure, repo

args, systemctl = setup()
source = os.path.join(args.publish_dir, "plugins", "StatusStores.Json")


def install_plugins(root, count):
    folder = os.path.join(root, "etc", "platform", "plugins")
    for i in range(count):
        target = os.path.join(folder, f"thirdparty{i:02}")
        shutil.copytree(source, target)
        manifest_path = os.path.join(target, "plugin.json")
        with open(manifest_path) as f:
            manifest = json.load(f)
        manifest["name"] = f"third-party-{i:02}"
        with open(manifest_path, "w") as f:
            json.dump(manifest, f)
    os.chmod(os.path.join(root, "etc", "platform"), 0o755)


cases = [
    ("is-enabled", ["is-enabled", "svc-0002.service"], 1.2),
    ("is-active", ["is-active", "svc-0002.service"], None),
    ("show -p ActiveState", ["show", "svc-0002.service", "-p", "ActiveState"], None),
    ("list-plugins", ["list-plugins"], None),
]
print(f"{'command':<22} {'none ms':>8} {'ten ms':>8} {'ratio':>6} {'target':>7}")
with tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp:
    bare, loaded = os.path.join(tmp, "bare"), os.path.join(tmp, "ten")
    make_root(bare, 100)
    make_root(loaded, 100)
    install_plugins(loaded, 10)
    for label, argv, target in cases:
        b, m, codes = measure([systemctl, f"--root={loaded}", *argv], args.runs, baseline=[systemctl, f"--root={bare}", *argv])
        t = f"<= {target}" if target else ""
        print(f"{label:<22} {b:>8.1f} {m:>8.1f} {m / b:>6.2f} {t:>7}  exit={sorted(codes)}", flush=True)
