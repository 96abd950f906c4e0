#!/usr/bin/env python3
"""XlsxWriter peer for scripts/bench/xlsx-write.sh.

Usage: xlsx_write_peers.py tracker|numeric CSV OUT

Writes the rows of CSV (made by wsoa-bench generate-tracker-csv /
generate-numeric-csv, so the values are the ones wsoa writes) with XlsxWriter
in constant_memory mode, as wsoa does: the tracker with a bold, frozen,
filtered header; the numeric grid with nine float columns and one text
column. The CSV is read once on its own first and that time is subtracted,
so `seconds` (wall) and `cpu_seconds` (user + system) are XlsxWriter's
writing time. Prints one key=value line.
"""
import csv
import resource
import sys
import time

import xlsxwriter


def main():
    kind, path, out = sys.argv[1:4]
    csv.field_size_limit(1 << 30)
    start = time.perf_counter()
    cpu_start = time.process_time()
    rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        for _ in csv.reader(f):
            rows += 1
    read_seconds = time.perf_counter() - start
    read_cpu = time.process_time() - cpu_start

    start = time.perf_counter()
    cpu_start = time.process_time()
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    if kind == "tracker":
        sheet = book.add_worksheet("Tracker")
        bold = book.add_format({"bold": True})
        sheet.freeze_panes(1, 0)
        with open(path, newline="", encoding="utf-8") as f:
            for r, row in enumerate(csv.reader(f)):
                sheet.write_row(r, 0, row, bold if r == 0 else None)
        sheet.autofilter(0, 0, rows - 1, 10)
    else:
        sheet = book.add_worksheet("Numbers")
        with open(path, newline="", encoding="utf-8") as f:
            for r, row in enumerate(csv.reader(f)):
                sheet.write_row(r, 0, [float(v) for v in row[:9]] + [row[9]])
    book.close()
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        f"bench=xlsxwriter-{kind} seconds={total - read_seconds:.3f} cpu_seconds={cpu - read_cpu:.3f} "
        f"generate_cpu_seconds=0 total_seconds={total:.3f} "
        f"csv_read_seconds={read_seconds:.3f} rows={rows} peak_rss={peak} version={xlsxwriter.__version__}"
    )


if __name__ == "__main__":
    main()
