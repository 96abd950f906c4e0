#!/usr/bin/env python3
"""Runs the shape benchmark's jobs (scripts/bench/shapes.sh prepares the
inputs): for every shape, wsoa convert -> JSON, wsoa validate and the peers'
reads of the same file (and, for XLSX, python-calamine writing its rows
as JSON, the same kind of job as convert), one after the other in each round (so a slow spell
on the shared host falls on all of them), RUNS rounds, then the median of
each job's wall time, CPU time (user + system of the whole process and its
threads, from wait4) and peak RSS, wsoa's phases (WSOA_TIMINGS) and the
ratios the aims are stated in. Standard library only.

usage: shapes_run.py WSOA VENV_PYTHON OUTDIR RUNS SHAPE...
  (inputs OUTDIR/SHAPE.xlsx and OUTDIR/SHAPE.csv)
"""
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PHASE = re.compile(r"^wsoa timing: (\S+)\s+([\d.]+) s wall\s+([\d.]+) s cpu", re.M)


def run(cmd, env=None):
    """Wall s, CPU s, peak RSS MiB and wsoa's phase wall times of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: the tracker has error findings
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')[-2000:]}")
    phases = {}
    for name, w, _ in PHASE.findall(err.decode(errors="replace")):
        phases[name] = phases.get(name, 0.0) + float(w)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, phases


def jobs(wsoa, py, out, shape, kind):
    src = os.path.join(out, f"{shape}.{kind}")
    env = dict(os.environ, WSOA_TIMINGS="1")
    wsoa_jobs = [
        ("wsoa convert->json", [wsoa, "convert", src, "-o", os.path.join(out, f"{shape}.{kind}.json"), "-q"], env),
        ("wsoa validate", [wsoa, "validate", src, "--no-config", "--as-of", "2022-06-01", "--format", "json",
                           "-o", os.path.join(out, f"{shape}.{kind}.report.json")], env),
    ]
    if not py:
        return wsoa_jobs
    if kind == "xlsx":
        peer = os.path.join(HERE, "xlsx_read_peers.py")
        return wsoa_jobs + [("fastexcel read", [py, peer, "fastexcel", src], None),
                            ("calamine read", [py, peer, "calamine", src], None),
                            # The same kind of job as convert: read, then write JSON to a file.
                            ("calamine->json", [py, os.path.join(HERE, "calamine_to_json.py"), src,
                                                "-o", os.path.join(out, f"{shape}.{kind}.calamine.json")], None)]
    return wsoa_jobs + [("pyarrow.csv read", [py, os.path.join(HERE, "csv_peers.py"), "pyarrow", src], None)]


def ratio(a, b):
    return f"{a / b:5.2f}x" if b else "  n/a"


def main():
    wsoa, py, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    shapes = sys.argv[5:]
    print(f"whole processes, median of {runs} rounds, jobs alternating within each round; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} processors")
    for shape in shapes:
        for kind in ("xlsx", "csv"):
            src = os.path.join(out, f"{shape}.{kind}")
            if not os.path.exists(src):
                print(f"\n{shape}.{kind}: missing, skipped")
                continue
            todo = jobs(wsoa, py, out, shape, kind)
            samples = {name: [] for name, _, _ in todo}
            for _ in range(runs):
                for name, cmd, env in todo:
                    # Each wsoa job starts without its output there: replacing the previous
                    # round's file (hundreds of MB of JSON) would charge the kernel's work
                    # freeing it to this run's write phase.
                    if "-o" in cmd and os.path.exists(cmd[cmd.index("-o") + 1]):
                        os.unlink(cmd[cmd.index("-o") + 1])
                    samples[name].append(run(cmd, env))
            print(f"\n{shape}.{kind} ({os.path.getsize(src) / 1e6:.0f} MB)")
            print(f"  {'job':<20} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}   phases (wall s)")
            med = {}
            for name, results in samples.items():
                wall = statistics.median(r[0] for r in results)
                cpu = statistics.median(r[1] for r in results)
                rss = statistics.median(r[2] for r in results)
                med[name] = (wall, cpu, rss)
                names = [p for p in ("read", "recognise", "rules", "write") if p in results[0][3]]
                phases = "  ".join(f"{p} {statistics.median(r[3].get(p, 0) for r in results):.3f}" for p in names)
                print(f"  {name:<20} {wall:7.3f} {cpu:7.3f} {rss:9.0f}   {phases}")
            conv, val = med["wsoa convert->json"], med["wsoa validate"]
            peer_name = "fastexcel read" if kind == "xlsx" else "pyarrow.csv read"
            line = f"  validate/convert wall {ratio(val[0], conv[0])} (aim <= 1.2)"
            if peer_name in med:
                peer = med[peer_name]
                line = (f"  convert/{peer_name.split()[0]}: wall {ratio(conv[0], peer[0])} (aim <= 1.0), "
                        f"cpu {ratio(conv[1], peer[1])} (aim <= 1.5), peak RSS {ratio(conv[2], peer[2])}; "
                        f"validate peak RSS {ratio(val[2], peer[2])} (aim < 1)\n" + line)
            if "calamine->json" in med:
                peer = med["calamine->json"]
                line += (f"\n  convert/calamine->json (both write JSON): wall {ratio(conv[0], peer[0])}, "
                         f"cpu {ratio(conv[1], peer[1])}, peak RSS {ratio(conv[2], peer[2])}")
            print(line)


if __name__ == "__main__":
    main()
