#!/usr/bin/env python3
"""Logging benchmark (issue 5): a service writes 200 MB of 100-byte lines; how fast do they land in the file sink
and the FIFO sink (target >= 50 MB/s), with how much memory in the log pump.

usage: bench/logging.py [--megabytes 200] [--no-build]
The FIFO reader counts lines as they arrive (every line must arrive); the file sink's count is read back with
journalctl at the end. Prints MB/s, the pump's peak RSS and both counts.
"""
import os, subprocess, tempfile, threading, time
from timing import setup, repo

args, systemctl = setup(lambda ap: ap.add_argument("--megabytes", type=int, default=200))
journalctl = os.path.join(args.publish_dir, "journalctl")
lines = args.megabytes * 1_000_000 // 100

with tempfile.TemporaryDirectory(prefix="platform-log-") as root:
    fifo = os.path.join(root, "run", "splunk.fifo")
    os.makedirs(os.path.dirname(fifo))
    os.mkfifo(fifo)
    os.makedirs(os.path.join(root, "etc/platform"))
    with open(os.path.join(root, "etc/platform/systemctl.conf"), "w") as f:
        # Large files so rotation does not throw the measured lines away before they are counted.
        # Sink paths are inside the root, like every manager path.
        f.write("LogSinks=file,fifo\nLogSink.fifo.Path=/run/splunk.fifo\nLogSink.file.MaxFileSize=1G\n")
    os.makedirs(os.path.join(root, "etc/systemd/system"))
    # 99 characters + newline = 100 bytes per line.
    writer = f"yes 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | head -n {lines}"
    with open(os.path.join(root, "etc/systemd/system/chatty.service"), "w") as f:
        f.write(f"[Service]\nType=oneshot\nExecStart=/bin/sh -c \"{writer}\"\n")
    counted = [0]

    def read():
        with open(fifo, "rb") as f:
            for _ in f:
                counted[0] += 1
                if counted[0] >= lines:
                    return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    begin = time.perf_counter()
    subprocess.run([systemctl, f"--root={root}", "start", "chatty"], check=True)
    pump = subprocess.run(["pgrep", "-f", f"__journald --root={root}"], capture_output=True, text=True).stdout.split()
    peak = 0
    while reader.is_alive() and time.perf_counter() - begin < 600:
        for pid in pump:
            try:
                peak = max(peak, int(next(l.split()[1] for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM:"))))
            except (OSError, StopIteration):
                pass
        time.sleep(0.2)
    elapsed = time.perf_counter() - begin
    count = subprocess.run([journalctl, f"--root={root}", "-u", "chatty", "-o", "cat", "--no-pager"], capture_output=True).stdout.count(b"\n")
    print(f"{args.megabytes} MB in {elapsed:.1f} s through file + fifo: {args.megabytes / elapsed:.1f} MB/s (target >= 50)")
    print(f"lines: fifo {counted[0]}/{lines}, file journal {count}/{lines}; pump peak RSS {peak / 1024:.1f} MiB")
    for pid in pump:
        subprocess.run(["kill", pid])
