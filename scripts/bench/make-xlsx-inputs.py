#!/usr/bin/env python3
"""Turns the deterministic benchmark CSVs written by `wsoa-bench` into XLSX
with XlsxWriter, so every reader is timed on the same bytes.

usage: make-xlsx-inputs.py tracker.csv tracker.xlsx numeric.csv numeric.xlsx
       make-xlsx-inputs.py tracker.csv tracker.xlsx      (the tracker only)

The tracker keeps shared strings (XlsxWriter's default, as Excel writes);
the 1,000,000 x 10 numeric grid uses constant_memory (rows streamed, its one
text column as inline strings) so generating it needs little memory.
"""
import csv
import sys

import xlsxwriter


def tracker(src, dst):
    wb = xlsxwriter.Workbook(dst, {"strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    ws = wb.add_worksheet("Actions")
    bold = wb.add_format({"bold": True, "text_wrap": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    fills = {s: wb.add_format({"bg_color": c, "align": "center"})
             for s, c in {"R": "#FF0000", "A": "#FFC000", "G": "#00B050", "B": "#0070C0"}.items()}
    with open(src, newline="", encoding="utf-8") as f:
        # The period (status) columns sit between the four leading columns and
        # the last three (notes, evidence, comments): four in the standard
        # tracker, 24 in the monthly shapes (scripts/bench/shapes.sh).
        last_status = 7
        for r, row in enumerate(csv.reader(f)):
            if r == 0:
                last_status = len(row) - 4
            for c, value in enumerate(row):
                if value == "":
                    continue
                if r == 0:
                    ws.write_string(r, c, value, bold)
                elif 4 <= c <= last_status:
                    ws.write_string(r, c, value, fills.get(value[:1], wrap))
                else:
                    ws.write_string(r, c, value, wrap)
    ws.set_column(0, 3, 40)
    ws.set_column(last_status + 1, last_status + 3, 60)
    ws.freeze_panes(1, 0)
    wb.close()


def numeric(src, dst):
    wb = xlsxwriter.Workbook(dst, {"constant_memory": True})
    ws = wb.add_worksheet("Numbers")
    with open(src, newline="", encoding="utf-8") as f:
        for r, row in enumerate(csv.reader(f)):
            for c, value in enumerate(row):
                if c < 9:
                    ws.write_number(r, c, float(value))
                else:
                    ws.write_string(r, c, value)
    wb.close()


if __name__ == "__main__":
    tracker(sys.argv[1], sys.argv[2])
    if len(sys.argv) > 4:
        numeric(sys.argv[3], sys.argv[4])
