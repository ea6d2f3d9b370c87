#!/usr/bin/env python3
"""Footprint (issue 14): the install folder's size and the RSS of an idle container with our init as PID 1.

usage: sudo bench/footprint.py [--no-build] [--publish-dir DIR] [--image platform-base:bookworm] [--settle 3]
Builds the base image plus the published folder at /usr/lib/platform (the daemon may not see host paths, so no bind
mount), starts it (network none) with /usr/lib/platform/systemctl as PID 1, waits until `is-system-running` answers running or degraded, lets it settle,
then sums VmRSS over every process of the container (read on the host from /proc, pids from `docker top`).
Targets: install folder <= 30 MB, idle container <= 16 MiB.
"""
import os, shutil, subprocess, sys, tempfile, time
from timing import setup

def options(ap):
    ap.add_argument("--image", default="platform-base:bookworm")
    ap.add_argument("--settle", type=float, default=3.0)

args, systemctl = setup(options)
publish = os.path.dirname(systemctl)

size = 0
files = 0
for folder, _, names in os.walk(publish):
    for name in names:
        path = os.path.join(folder, name)
        if not os.path.islink(path):
            size += os.path.getsize(path)
            files += 1
print(f"install folder:  {size / 1e6:6.1f} MB in {files} files ({publish})   target <= 30 MB")

name = f"platform-footprint-{os.getpid()}"
with tempfile.TemporaryDirectory(prefix="platform-footprint-") as context:
    shutil.copytree(publish, os.path.join(context, "platform"), symlinks=True)
    with open(os.path.join(context, "Dockerfile"), "w") as f:
        f.write(f"FROM {args.image}\nCOPY platform /usr/lib/platform\n")
    subprocess.run(["docker", "build", "-q", "-t", name, context], check=True, stdout=subprocess.DEVNULL)
subprocess.run(["docker", "run", "-d", "--name", name, "--network", "none", name, "/usr/lib/platform/systemctl"],
               check=True, stdout=subprocess.DEVNULL)
try:
    state = ""
    for _ in range(300):
        r = subprocess.run(["docker", "exec", name, "/usr/lib/platform/systemctl", "is-system-running"],
                           capture_output=True, text=True)
        state = r.stdout.strip()
        if state in ("running", "degraded"):
            break
        time.sleep(0.1)
    time.sleep(args.settle)
    pids = subprocess.run(["docker", "top", name, "-eo", "pid"], capture_output=True, text=True, check=True)
    total = 0
    rows = []
    for pid in pids.stdout.split()[1:]:
        try:
            status = open(f"/proc/{pid}/status").read().splitlines()
        except FileNotFoundError:
            continue
        fields = dict(l.split(":", 1) for l in status if ":" in l)
        rss = int(fields.get("VmRSS", "0 kB").split()[0])
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace").strip()
        rows.append((rss, pid, cmd))
        total += rss
    for rss, pid, cmd in rows:
        print(f"  pid {pid:>7} {rss / 1024:6.1f} MiB  {cmd}")
    print(f"idle container:  {total / 1024:6.1f} MiB RSS over {len(rows)} processes (state {state})   target <= 16 MiB")
finally:
    subprocess.run(["docker", "rm", "-f", name], stdout=subprocess.DEVNULL)
    subprocess.run(["docker", "rmi", name], stdout=subprocess.DEVNULL)
