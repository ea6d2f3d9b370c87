#!/usr/bin/env python3
"""Whole-process timings of systemctl commands against three yardsticks (issue 14).

usage: bench/startup.py [--runs N] [--sizes 10,100,1000] [--no-build]
Publishes systemctl (NativeAOT) and two hello-world floors (NativeAOT; managed self-contained ReadyToRun) unless
--no-build, makes roots with ../shared/bench/mkroot.py, and runs each command N times interleaved with each yardstick:
the NativeAOT hello world, the managed hello world, and the real systemctl 252 (C) on the same --root where it answers
offline. Prints medians in ms and our time as a ratio of each yardstick; the ratios are the result, absolute times on
shared machines are noise. Targets (issue 14): is-active on 100 units <= 2.5x the NativeAOT floor; is-enabled on
1000 units <= 1x real systemctl; list-unit-files on 1000 units <= 60 ms and <= 1/20 of real systemctl.
"""
import os, tempfile
from timing import setup, make_root, measure, hello, hello_aot, real_systemctl

args, systemctl = setup(lambda ap: ap.add_argument("--sizes", default="10,100,1000"))

# label, arguments, whether real systemctl answers it offline, target text
cases = [
    ("is-active svc-0002", ["is-active", "svc-0002.service"], False, {100: "<= 2.5x aot"}),
    ("is-enabled svc-0002", ["is-enabled", "svc-0002.service"], True, {1000: "<= 1x real"}),
    ("show svc-0002", ["show", "svc-0002.service"], False, {}),
    ("cat svc-0002", ["cat", "svc-0002.service"], True, {}),
    ("list-unit-files", ["list-unit-files"], True, {1000: "<= 60 ms, <= 0.05x real"}),
]
print(f"{'units':>6} {'command':<20} {'ms':>7} {'aot':>6} {'x aot':>6} {'managed':>8} {'x mgd':>6} {'real':>7} "
      f"{'x real':>7}  target")
with tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp:
    for n in [int(s) for s in args.sizes.split(",")]:
        root = os.path.join(tmp, f"root{n}")
        make_root(root, n)
        for label, argv, real_answers, targets in cases:
            ours = [systemctl, f"--root={root}", *argv]
            fa, ma, codes = measure(ours, args.runs, baseline=[hello_aot])
            fm, mm, _ = measure(ours, args.runs, baseline=[hello])
            real, xr = "-", "-"
            if real_answers and os.path.exists(real_systemctl):
                r, mr, _ = measure(ours, max(3, args.runs // 3) if n >= 1000 else args.runs,
                                   baseline=[real_systemctl, f"--root={root}", *argv])
                real, xr = f"{r:.1f}", f"{mr / r:.3f}"
            ms = (ma + mm) / 2
            print(f"{n:>6} {label:<20} {ms:>7.1f} {fa:>6.1f} {ma / fa:>6.2f} {fm:>8.1f} {mm / fm:>6.2f} {real:>7} "
                  f"{xr:>7}  {targets.get(n, '')}  exit={sorted(codes)}", flush=True)
