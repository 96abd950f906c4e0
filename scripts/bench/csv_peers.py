#!/usr/bin/env python3
"""Python peers for scripts/bench/csv.sh: reads (or writes) the benchmark CSV
the way a user would, once, and prints one `key=value` line.

One run per process, as for wsoa: a second run in the same process is much
faster for pyarrow (its memory pool keeps the pages of the first), which is
not what a user running a script once sees. csv.sh takes the best of several
processes.

usage: csv_peers.py csv-read|csv-list|pyarrow|pyarrow-1|csv-write FILE [OUT]
"""
import csv
import resource
import sys
import time


def main():
    kind, path = sys.argv[1], sys.argv[2]
    csv.field_size_limit(1 << 30)

    if kind == "csv-read":  # stream: look at every row, keep none
        def run():
            n = 0
            with open(path, newline="", encoding="utf-8") as f:
                for _ in csv.reader(f):
                    n += 1
            return n
    elif kind == "csv-list":  # keep every row, like a workbook
        def run():
            with open(path, newline="", encoding="utf-8") as f:
                return len(list(csv.reader(f)))
    elif kind in ("pyarrow", "pyarrow-1"):
        import pyarrow.csv as pc

        def run():
            table = pc.read_csv(
                path,
                read_options=pc.ReadOptions(use_threads=(kind == "pyarrow")),
                parse_options=pc.ParseOptions(newlines_in_values=True),
            )
            return table.num_rows + 1  # + the header row
    elif kind == "csv-write":
        out = sys.argv[3]
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))

        def run():
            with open(out, "w", newline="", encoding="utf-8") as f:
                csv.writer(f, lineterminator="\n").writerows(rows)
            return len(rows)
    else:
        sys.exit("unknown benchmark " + kind)

    start, start_cpu = time.perf_counter(), time.process_time()
    rows = run()
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"seconds={seconds} cpu={cpu} rows={rows} peak_rss={peak}")


if __name__ == "__main__":
    main()
