#!/usr/bin/env python3
"""Timer benchmark (issue 12): how late timers fire under the init, median over N firings (target: within AccuracySec=100ms).

usage: sudo bench/timers.py [--firings 20] [--no-build]
Boots our systemctl as PID 1 of a new PID namespace (unshare, needs root) on a root with one enabled timer,
OnCalendar=*:*:* AccuracySec=100ms, whose oneshot appends `date +%s.%N`. The time after the full second at which
the line was written is the lateness a user sees (it includes forking the shell); the first firing (boot) is left out.
"""
import math, os, subprocess, tempfile, time
from timing import setup


def options(ap):
    ap.add_argument("--firings", type=int, default=20)


args, systemctl = setup(options)
with tempfile.TemporaryDirectory(prefix="platform-timers-") as root:
    units = os.path.join(root, "etc", "systemd", "system")
    os.makedirs(units)
    log = os.path.join(root, "fired")
    with open(os.path.join(units, "tick.timer"), "w") as f:
        f.write("[Timer]\nOnCalendar=*:*:*\nAccuracySec=100ms\n[Install]\nWantedBy=timers.target\n")
    with open(os.path.join(units, "tick.service"), "w") as f:
        f.write(f"[Service]\nType=oneshot\nExecStart=/bin/sh -c 'date +%%s.%%N >> {log}'\n")
    subprocess.run([systemctl, f"--root={root}", "enable", "tick.timer"], check=True, capture_output=True)
    init = subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", systemctl, f"--root={root}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + args.firings + 15
        while time.monotonic() < deadline:
            if os.path.exists(log) and len(open(log).read().split()) > args.firings:
                break
            time.sleep(0.2)
    finally:
        pid1 = int(open(f"/proc/{init.pid}/task/{init.pid}/children").read().split()[0])
        os.kill(pid1, 15)
        init.wait(timeout=60)
    fired = [float(x) for x in open(log).read().split()][1:args.firings + 1]
    late = sorted((t - math.floor(t)) * 1000 for t in fired)
    median = late[len(late) // 2]
    print(f"timer lateness over {len(late)} firings: median {median:.1f} ms, max {late[-1]:.1f} ms  (target <= 100 ms, ratio {median / 100:.2f})")
