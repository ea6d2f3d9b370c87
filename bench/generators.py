#!/usr/bin/env python3
"""Generator benchmark (issue 12): `daemon-reload` with 5 generators vs the generators' own run time (target <= 2x).

usage: bench/generators.py [--runs 30] [--no-build] [--work-ms 200]
Five shell generators each sleep --work-ms (a generator that inspects the machine) and write a unit plus a wants link.
The floor is the five run the way daemon-reload runs them, all at once from one shell that waits for them; the
measured command is `systemctl --root=DIR -c Generators=yes daemon-reload` (our process start, emptying the three
output folders, the runs, trimming). Prints both medians and the ratio.
"""
import os, tempfile
from timing import measure, setup


def options(ap):
    ap.add_argument("--work-ms", type=int, default=200)


args, systemctl = setup(options)
with tempfile.TemporaryDirectory(prefix="platform-generators-") as root:
    folder = os.path.join(root, "usr", "lib", "systemd", "system-generators")
    os.makedirs(folder)
    for i in range(5):
        path = os.path.join(folder, f"gen{i}")
        with open(path, "w") as f:
            f.write(f"#!/bin/sh\nsleep {args.work_ms / 1000}\nmkdir -p \"$2/multi-user.target.wants\"\n"
                    f"printf '[Service]\\nExecStart=/bin/true\\n' > \"$2/gen{i}.service\"\n"
                    f"ln -sf /run/systemd/generator/gen{i}.service \"$2/multi-user.target.wants/gen{i}.service\"\n")
        os.chmod(path, 0o755)
    outputs = " ".join(os.path.join(root, "run", "systemd", d) for d in ("generator.early", "generator", "generator.late"))
    floor = ["sh", "-c", f"mkdir -p {outputs}; " + " ".join(f"{os.path.join(folder, f'gen{i}')} {outputs} &" for i in range(5)) + " wait"]
    reload = [systemctl, f"--root={root}", "-c", "Generators=yes", "daemon-reload"]
    base, own, codes = measure(reload, args.runs, baseline=floor)
    print(f"daemon-reload with 5 generators ({args.work_ms} ms each): {own:.0f} ms; the generators alone: {base:.0f} ms; "
          f"ratio {own / base:.2f}x (target <= 2x); exit codes {sorted(codes)}")
