#!/usr/bin/env python3
"""Whole-process timings of systemctl commands against a hello-world .NET program (the floor).

usage: bench/startup.py [--runs N] [--sizes 10,100,1000]
Publishes both (Release, self-contained, ReadyToRun) unless --no-build, makes roots with
../shared/bench/mkroot.py, runs each command N times interleaved with the floor, and prints
median milliseconds and the ratio to the floor's median. Absolute times on shared machines are
noise; the ratios are the result.
"""
import os, sys, tempfile
from timing import setup, make_root, measure, repo

args, systemctl = setup(lambda ap: ap.add_argument("--sizes", default="10,100,1000"))

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
        make_root(root, n)
        for label, argv, target in cases:
            f, m, codes = measure([systemctl, f"--root={root}", *argv], args.runs)
            t = f"<= {target}" if target else ""
            print(f"{n:>6} {label:<22} {f:>9.1f} {m:>8.1f} {m / f:>6.2f} {t:>7}  exit={sorted(codes)}", flush=True)
