#!/usr/bin/env python3
"""Boot benchmark (issue 4): 50 notify services, READY after 0.2 s each, as a dependency graph of depth 5.

usage: sudo bench/boot.py [--levels 5] [--width 10] [--ready 0.2] [--no-build]
Boots ../shared/bench/mkstack.py's root twice: with our systemctl as PID 1 of a new PID namespace (unshare, needs
root) and with `systemctl default` from a shell. Prints the time until every unit is active next to the target
(1.1 x critical path + 0.2 s), the halt time of the PID-1 boot (target 2 s) and the RSS of the idle PID 1.
"""
import os, subprocess, sys, tempfile, time
from timing import setup, repo

def options(ap):
    ap.add_argument("--levels", type=int, default=5)
    ap.add_argument("--width", type=int, default=10)
    ap.add_argument("--ready", type=float, default=0.2)


args, systemctl = setup(options)
mkstack = next(p for p in [os.path.join(repo, "..", "shared", "bench", "mkstack.py"), "/work/shared/bench/mkstack.py"] if os.path.exists(p))
critical = args.levels * args.ready
target = 1.1 * critical + 0.2
units = args.levels * args.width


def make_root(tmp, name):
    root = os.path.join(tmp, name)
    subprocess.run([sys.executable, mkstack, root, str(args.levels), str(args.width), str(args.ready)], check=True)
    return root


def active_count(run, root):
    out = run([systemctl, f"--root={root}", "list-units", "--type=service", "--state=active", "--no-legend", "--plain"])
    return len([l for l in out.splitlines() if l.startswith("stack-")])


with tempfile.TemporaryDirectory(prefix="platform-boot-") as tmp:
    # PID 1 of a new PID namespace; queries run inside it (the boot-time check ignores other namespaces' records).
    root = make_root(tmp, "pid1")
    begin = time.perf_counter()
    init = subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", systemctl, f"--root={root}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = os.path.join(root, "run", "platform", "init.state")
    while not (os.path.exists(state) and open(state).read().strip() in ("running", "degraded")):
        time.sleep(0.005)
    booted = time.perf_counter() - begin
    pid1 = int(open(f"/proc/{init.pid}/task/{init.pid}/children").read().split()[0])
    enter = lambda argv: subprocess.run(["nsenter", "-t", str(pid1), "-p", "-m", *argv], capture_output=True, text=True).stdout
    active = active_count(enter, root)
    time.sleep(1)
    rss = next(l.split()[1] for l in open(f"/proc/{pid1}/status") if l.startswith("VmRSS:"))
    begin = time.perf_counter()
    os.kill(pid1, 15)
    init.wait(timeout=60)
    halted = time.perf_counter() - begin
    print(f"PID 1 boot:        {booted:6.2f} s for {active}/{units} active  (target <= {target:.2f} s, ratio {booted / target:.2f})")
    print(f"PID 1 halt:        {halted:6.2f} s                  (target <= 2.00 s)")
    print(f"idle PID 1 RSS:    {int(rss) / 1024:6.1f} MiB")

    # `systemctl default` from a shell: one transaction, the same parallel jobs, no init.
    root = make_root(tmp, "shell")
    begin = time.perf_counter()
    subprocess.run([systemctl, f"--root={root}", "default"], check=False)
    booted = time.perf_counter() - begin
    shell = lambda argv: subprocess.run(argv, capture_output=True, text=True).stdout
    active = active_count(shell, root)
    begin = time.perf_counter()
    subprocess.run([systemctl, f"--root={root}", "stop", "multi-user.target", *[f"stack-{k}-{i:02d}.service" for k in range(args.levels) for i in range(args.width)]])
    stopped = time.perf_counter() - begin
    print(f"systemctl default: {booted:6.2f} s for {active}/{units} active  (target <= {target:.2f} s, ratio {booted / target:.2f})")
    print(f"systemctl stop:    {stopped:6.2f} s")
