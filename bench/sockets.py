#!/usr/bin/env python3
"""Socket activation benchmark (issue 12): connect to answer of a socket-activated Python service under the init.

usage: sudo bench/sockets.py [--runs 10] [--no-build]
Boots our systemctl as PID 1 of a new PID namespace (unshare, needs root) on a root with one enabled socket
(ListenStream=127.0.0.1:PORT) and a Python service that answers as soon as it runs. Each round connects, times the
first byte of the answer, then stops the service from inside the namespace so the next connection starts it again.
Printed: the median connect-to-answer time, the service's own share (its process start, read from /proc, to its answer)
and the rest, which is the manager's: noticing the traffic, starting the service and handing it the listener.
"""
import os, socket, statistics, subprocess, tempfile, time
from timing import setup


def options(ap):
    ap.set_defaults(runs=10)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


args, systemctl = setup(options)
ticks = os.sysconf("SC_CLK_TCK")
with tempfile.TemporaryDirectory(prefix="platform-sockets-") as root:
    units = os.path.join(root, "etc", "systemd", "system")
    os.makedirs(units)
    port = free_port()
    script = os.path.join(root, "answer.py")
    with open(script, "w") as f:
        # Answers with the time it became ready and its own start time (jiffies since boot) so its start-up can be subtracted.
        f.write("import os, socket, time\n"
                "ready = time.clock_gettime(time.CLOCK_BOOTTIME)\n"
                "start = int(open('/proc/self/stat').read().rsplit(')', 1)[1].split()[19])\n"
                "s = socket.socket(fileno=3); s.setblocking(True)\n"
                "while True:\n"
                "    c, _ = s.accept(); c.sendall(b'%f %d\\n' % (ready, start)); c.close()\n")
    with open(os.path.join(units, "answer.socket"), "w") as f:
        f.write(f"[Socket]\nListenStream=127.0.0.1:{port}\n[Install]\nWantedBy=sockets.target\n")
    with open(os.path.join(units, "answer.service"), "w") as f:
        f.write(f"[Service]\nExecStart=/usr/bin/python3 -S {script}\n")
    subprocess.run([systemctl, f"--root={root}", "enable", "answer.socket"], check=True, capture_output=True)
    init = subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", systemctl, f"--root={root}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    totals, own = [], []
    try:
        pid1 = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and pid1 == 0:
            try: pid1 = int(open(f"/proc/{init.pid}/task/{init.pid}/children").read().split()[0])
            except (OSError, IndexError, ValueError): time.sleep(0.05)
        inside = ["nsenter", "-t", str(pid1), "-p", "-m", systemctl, f"--root={root}"]
        while subprocess.run(inside + ["is-system-running"], capture_output=True, text=True).stdout.strip() not in ("running", "degraded"):
            time.sleep(0.1)
        for _ in range(args.runs):
            t0 = time.clock_gettime(time.CLOCK_BOOTTIME)
            with socket.create_connection(("127.0.0.1", port)) as c:
                answer = c.recv(100)
            t1 = time.clock_gettime(time.CLOCK_BOOTTIME)
            ready, start = answer.split()
            totals.append((t1 - t0) * 1000)
            own.append((float(ready) - int(start) / ticks) * 1000)
            subprocess.run(inside + ["stop", "answer.service"], check=True, capture_output=True)
    finally:
        if pid1:
            os.kill(pid1, 15)
        init.wait(timeout=60)
    total, service = statistics.median(totals), statistics.median(own)
    print(f"first connection answered over {len(totals)} activations: median {total:.0f} ms after connect "
          f"(service's own start-up {service:.0f} ms, manager {total - service:.0f} ms; target manager <= 50 ms, ratio {(total - service) / 50:.2f})")
