#!/usr/bin/env python3
"""Turns the deterministic benchmark CSVs written by `wsoa-bench` into XLSX
with XlsxWriter, so every reader is timed on the same bytes.

usage: make-xlsx-inputs.py tracker.csv tracker.xlsx numeric.csv numeric.xlsx

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
        for r, row in enumerate(csv.reader(f)):
            for c, value in enumerate(row):
                if value == "":
                    continue
                if r == 0:
                    ws.write_string(r, c, value, bold)
                elif 4 <= c <= 7:
                    ws.write_string(r, c, value, fills.get(value[:1], wrap))
                else:
                    ws.write_string(r, c, value, wrap)
    ws.set_column(0, 3, 40)
    ws.set_column(8, 10, 60)
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
    numeric(sys.argv[3], sys.argv[4])
