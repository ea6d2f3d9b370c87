"""Shared whole-process timing helpers for the benchmarks in bench/ (ratios against a hello-world floor)."""
import os, statistics, subprocess, sys, time

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
hello_dir = os.path.join(repo, "artifacts", "bench-hello")
hello = os.path.join(hello_dir, "hello")
hello_aot_dir = os.path.join(repo, "artifacts", "bench-hello-aot")
hello_aot = os.path.join(hello_aot_dir, "hello")
# The C yardstick: systemd's own systemctl, offline on a --root (never without one: tests and benchmarks must not
# touch this machine's units).
real_systemctl = "/usr/bin/systemctl"
mkroot = next((p for p in [os.environ.get("PLATFORM_MKROOT", ""), os.path.join(repo, "..", "shared", "bench", "mkroot.py"), "/work/shared/bench/mkroot.py"] if p and os.path.exists(p)), os.path.join(repo, "..", "shared", "bench", "mkroot.py"))


def publish(publish_dir):
    """Publishes systemctl (NativeAOT) and the two hello-world floors: managed (self-contained, ReadyToRun), NativeAOT."""
    subprocess.run(["dotnet", "publish", os.path.join(repo, "src/Host"), "-c", "Release", "-o", publish_dir, "-nologo", "-v", "quiet"], check=True)
    subprocess.run(["dotnet", "publish", os.path.join(repo, "bench/hello"), "-c", "Release", "-o", hello_dir, "-nologo", "-v", "quiet"], check=True)
    subprocess.run(["dotnet", "publish", os.path.join(repo, "bench/hello-aot"), "-c", "Release", "-o", hello_aot_dir, "-nologo", "-v", "quiet"], check=True)


def make_root(root, units):
    if not os.path.exists(mkroot):
        sys.exit(f"missing {mkroot}")
    subprocess.run([sys.executable, mkroot, root, str(units)], check=True)


def once(cmd, env=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - t) * 1000, r.returncode


def measure(cmd, runs, baseline=None, env=None):
    """Median ms of `baseline` (default: the hello floor) and of `cmd`, interleaved so machine noise hits both."""
    baseline = baseline or [hello]
    base, own, codes = [], [], set()
    for _ in range(3):  # warm the page cache for both binaries
        once(baseline, env); once(cmd, env)
    for _ in range(runs):
        base.append(once(baseline, env)[0])
        ms, rc = once(cmd, env)
        own.append(ms); codes.add(rc)
    return statistics.median(base), statistics.median(own), codes


def setup(add_arguments=None):
    """The options every benchmark takes (--runs, --no-build, --publish-dir, plus its own); publishes unless --no-build.
    Returns the parsed options and the systemctl under test."""
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--publish-dir", default=os.path.join(repo, "artifacts", "publish"))
    if add_arguments:
        add_arguments(ap)
    args = ap.parse_args()
    if not args.no_build:
        publish(args.publish_dir)
    return args, os.path.join(args.publish_dir, "systemctl")
