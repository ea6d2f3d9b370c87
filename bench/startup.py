#!/usr/bin/env python3
"""Whole-process timings of systemctl commands against a hello-world .NET program (the floor).

usage: bench/startup.py [--runs N] [--sizes 10,100,1000]
Publishes both (Release, self-contained, ReadyToRun) unless --no-build, makes roots with
../shared/bench/mkroot.py, runs each command N times interleaved with the floor, and prints
median milliseconds and the ratio to the floor's median. Absolute times on shared machines are
noise; the ratios are the result.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=30)
ap.add_argument("--sizes", default="10,100,1000")
ap.add_argument("--no-build", action="store_true")
ap.add_argument("--publish-dir", default=os.path.join(repo, "artifacts", "publish"))
args = ap.parse_args()

hello_dir = os.path.join(repo, "artifacts", "bench-hello")
if not args.no_build:
    subprocess.run(["dotnet", "publish", os.path.join(repo, "src/Host"), "-c", "Release", "-o", args.publish_dir, "-nologo", "-v", "quiet"], check=True)
    subprocess.run(["dotnet", "publish", os.path.join(repo, "bench/hello"), "-c", "Release", "-o", hello_dir, "-nologo", "-v", "quiet"], check=True)
systemctl = os.path.join(args.publish_dir, "systemctl")
hello = os.path.join(hello_dir, "hello")
mkroot = os.path.join(repo, "..", "shared", "bench", "mkroot.py")
if not os.path.exists(mkroot):
    sys.exit(f"missing {mkroot}")

def once(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000, r.returncode

def measure(cmd, runs):
    floor, own, codes = [], [], set()
    for _ in range(3):  # warm the page cache for both binaries
        once([hello]); once(cmd)
    for _ in range(runs):
        floor.append(once([hello])[0])
        ms, rc = once(cmd)
        own.append(ms); codes.add(rc)
    return statistics.median(floor), statistics.median(own), codes

cases = [
    ("is-enabled svc-0002", ["is-enabled", "svc-0002.service"], 1.5),
    ("show svc-0002", ["show", "svc-0002.service"], 1.5),
    ("is-active svc-0002", ["is-active", "svc-0002.service"], None),
    ("cat svc-0002", ["cat", "svc-0002.service"], None),
    ("list-unit-files", ["list-unit-files"], 3.0),
]
print(f"{'units':>6} {'command':<22} {'floor ms':>9} {'ms':>8} {'ratio':>6} {'target':>7}")
with tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp:
    for n in [int(s) for s in args.sizes.split(",")]:
        root = os.path.join(tmp, f"root{n}")
        subprocess.run([sys.executable, mkroot, root, str(n)], check=True)
        for label, argv, target in cases:
            f, m, codes = measure([systemctl, f"--root={root}", *argv], args.runs)
            t = f"<= {target}" if target else ""
            print(f"{n:>6} {label:<22} {f:>9.1f} {m:>8.1f} {m / f:>6.2f} {t:>7}  exit={sorted(codes)}", flush=True)
