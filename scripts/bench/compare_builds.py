#!/usr/bin/env python3
"""Compares two builds of wsoa on the same inputs: for each file and job,
the two binaries run one after the other in every round (so a slow spell on
a shared machine falls on both), ROUNDS rounds, then the median wall time,
CPU time (user + system of the process and its threads, from wait4) and peak
RSS of each. Outputs go to a scratch folder and are removed before every run,
so no run pays for replacing the previous run's output. Standard library only.

usage: compare_builds.py ROUNDS OLD_WSOA NEW_WSOA FILE[,FILE...] JOB[,JOB...]
  JOB: convert (to JSON), convert-xlsx, validate (JSON report), validate-text, report (HTML)

Keep a copy of the old build before rebuilding, e.g.
  cp .build/release/wsoa /tmp/wsoa-old && <change> && swift build -c release ...
  scripts/bench/compare_builds.py 3 /tmp/wsoa-old .build/release/wsoa big.xlsx,big.csv convert,validate
"""
import os
import statistics
import sys
import tempfile

from shapes_run import run  # one way to time a process: wall, CPU and peak RSS from wait4

JOBS = {
    "convert": ["convert", "{in}", "-o", "{out}.json", "-q"],
    "convert-xlsx": ["convert", "{in}", "-o", "{out}.xlsx", "-q"],
    "validate": ["validate", "{in}", "--no-config", "--as-of", "2022-06-01", "--format", "json", "-o", "{out}.json"],
    "validate-text": ["validate", "{in}", "--no-config", "--as-of", "2022-06-01", "-o", "{out}.txt"],
    "report": ["report", "{in}", "-o", "{out}.html", "-q"],
}


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    builds = {"old": sys.argv[2], "new": sys.argv[3]}
    files = sys.argv[4].split(",")
    jobs = sys.argv[5].split(",")
    unknown = [job for job in jobs if job not in JOBS]
    if unknown:
        sys.exit(f"unknown job {unknown[0]}; one of {', '.join(JOBS)}")
    samples = {}
    with tempfile.TemporaryDirectory(prefix="wsoa-compare-") as scratch:
        out = os.path.join(scratch, "out")
        for _ in range(rounds):
            for path in files:
                for job in jobs:
                    for build, binary in builds.items():
                        for name in os.listdir(scratch):
                            os.unlink(os.path.join(scratch, name))
                        cmd = [binary] + [a.replace("{in}", path).replace("{out}", out) for a in JOBS[job]]
                        samples.setdefault((path, job, build), []).append(run(cmd)[:3])
    print(f"median of {rounds} rounds, builds alternating; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for path in files:
        for job in jobs:
            med = {}
            for build in builds:
                results = samples[(path, job, build)]
                med[build] = [statistics.median(r[k] for r in results) for k in range(3)]
            old, new = med["old"], med["new"]
            print(f"{os.path.basename(path):<20} {job:<13} old {old[0]:6.3f} s wall {old[1]:6.3f} s cpu {old[2]:5.0f} MiB"
                  f" | new {new[0]:6.3f} s wall {new[1]:6.3f} s cpu {new[2]:5.0f} MiB"
                  f" | new/old wall {new[0] / old[0]:4.2f} cpu {new[1] / old[1]:4.2f}")


if __name__ == "__main__":
    main()
