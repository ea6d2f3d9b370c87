#!/usr/bin/env python3
"""Lifecycle benchmark (issue 3).

usage: bench/lifecycle.py [--runs N] [--no-build]
1. `start` of a notify service that sends READY=1 after 200 ms: how long after the READY does start return
   (median of N; target <= 30 ms). The service records the wall-clock time at which it sends READY.
2. `start` + `stop` of a simple service against `is-active` of it (target <= 3x).
"""
import os, statistics, subprocess, tempfile, time
from timing import setup, measure, repo

args, systemctl = setup()

NOTIFIER = """#!/usr/bin/python3
import os, socket, sys, time
time.sleep(0.2)
with open(sys.argv[1], "w") as f: f.write(repr(time.time()))
addr = os.environ["NOTIFY_SOCKET"]
socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"READY=1", addr)
time.sleep(3600)
"""

with tempfile.TemporaryDirectory(prefix="platform-life-") as root:
    units = os.path.join(root, "etc/systemd/system")
    os.makedirs(units)
    ready_file = os.path.join(root, "ready-at")
    prog = os.path.join(root, "notifier")
    with open(prog, "w") as f:
        f.write(NOTIFIER)
    os.chmod(prog, 0o755)
    with open(os.path.join(units, "ready.service"), "w") as f:
        f.write(f"[Service]\nType=notify\nExecStart={prog} {ready_file}\n")
    with open(os.path.join(units, "plain.service"), "w") as f:
        f.write("[Service]\nExecStart=/bin/sleep 600\n")
    sc = lambda *a: subprocess.run([systemctl, f"--root={root}", *a], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sc("start", "plain"); sc("stop", "plain")  # warm the journal pump and the page cache
    after_ready = []
    for _ in range(args.runs):
        subprocess.run([systemctl, f"--root={root}", "start", "ready"], check=True)
        returned = time.time()
        after_ready.append((returned - float(open(ready_file).read())) * 1000)
        sc("stop", "ready")
    print(f"start returns {statistics.median(after_ready):6.1f} ms after READY=1 (median of {args.runs}; target <= 30 ms)")
    start_stop = []
    for _ in range(args.runs):
        t = time.perf_counter()
        sc("start", "plain"); sc("stop", "plain")
        start_stop.append((time.perf_counter() - t) * 1000)
    _, active, _ = measure([systemctl, f"--root={root}", "is-active", "plain"], args.runs)
    ss = statistics.median(start_stop)
    print(f"start+stop {ss:6.1f} ms, is-active {active:6.1f} ms: ratio {ss / active:.2f} (target <= 3)")
