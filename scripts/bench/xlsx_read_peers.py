#!/usr/bin/env python3
"""Times one Python XLSX reader on one file, the way a program would use it
to get every cell of the first sheet, and prints one line:

    <tool> <seconds> <cells> <peak RSS MiB> <cpu seconds>

usage: xlsx_read_peers.py calamine|fastexcel|openpyxl FILE

seconds covers opening the file and reading every cell (imports excluded);
cells counts non-empty values; peak RSS is VmHWM from /proc/self/status;
cpu is user + system time of the process (all threads) over the same span.
"""
import resource
import sys
import time


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1


def calamine(path):
    import python_calamine
    start = time.perf_counter()
    rows = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    cells = sum(1 for row in rows for v in row if v != "")
    return time.perf_counter() - start, cells


def fastexcel(path):
    import fastexcel
    start = time.perf_counter()
    table = fastexcel.read_excel(path).load_sheet(0, header_row=None).to_arrow()
    cells = sum(len(c) - c.null_count for c in table.columns)
    return time.perf_counter() - start, cells


def openpyxl(path):
    import openpyxl
    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for v in row if v is not None)
    wb.close()
    return time.perf_counter() - start, cells


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    tool, path = sys.argv[1], sys.argv[2]
    reader = {"calamine": calamine, "fastexcel": fastexcel, "openpyxl": openpyxl}[tool]
    if tool == "fastexcel":
        import fastexcel as _  # noqa: F401  (imports, and pyarrow's, outside the timing)
        import pyarrow as _pa  # noqa: F401
    cpu_start = cpu_seconds()
    seconds, cells = reader(path)
    print(f"{tool} {seconds:.3f} {cells} {peak_rss_mib()} {cpu_seconds() - cpu_start:.3f}")
