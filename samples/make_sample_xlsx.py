#!/usr/bin/env python3
"""Builds samples/staffordshire-priority-2.xlsx from the seed TSV, shaped the way the
council's own Excel file would be: the same cells and text, focus-area cells merged
over their actions, the priority and vision merged across the sheet, the progress
header merged over the review columns, review-period headers as real dates shown
mmm-yy, and red/amber/green fills on the status cells. Written with openpyxl (not
wsoa), so reading it tests our reader against another writer.

  python3 samples/make_sample_xlsx.py
"""
import datetime as dt
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "staffordshire-priority-2.tsv")
TARGET = os.path.join(HERE, "staffordshire-priority-2.xlsx")

MONTHS = {"Dec-19": (2019, 12), "Jan-20": (2020, 1), "Apr-21": (2021, 4), "Dec-21": (2021, 12)}
RAG = {"R": "FF0000", "A": "FFC000", "G": "00B050", "G/A": "92D050"}


def main():
    with open(SOURCE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    wb = Workbook()
    ws = wb.active
    ws.title = "Priority 2"
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, line in enumerate(lines, start=1):
        if not line:
            continue
        for c, value in enumerate(line.split("\t"), start=1):
            if value == "":
                continue
            cell = ws.cell(row=r, column=c)
            if r == 6 and value in MONTHS:
                y, m = MONTHS[value]
                cell.value = dt.datetime(y, m, 1)
                cell.number_format = "mmm-yy"
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center")
            else:
                cell.value = value
                cell.alignment = wrap
            if r >= 5:
                cell.border = box
            if r == 5:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
            if r >= 7 and 5 <= c <= 8 and value in RAG:
                cell.fill = PatternFill("solid", start_color=RAG[value], end_color=RAG[value])
                cell.alignment = Alignment(horizontal="center", vertical="top")
    # The priority and vision span the sheet; the progress header spans the review columns.
    ws.merge_cells("A3:H3")
    ws.merge_cells("A4:H4")
    ws.merge_cells("E5:H5")
    # Focus areas 5 and 6 each cover two actions (rows 14 and 16 were blank in the export).
    ws.merge_cells("A13:A14")
    ws.merge_cells("A15:A16")
    for col, width in zip("ABCDEFGHIJ", [34, 48, 18, 36, 9, 9, 9, 9, 70, 36]):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "C7"
    wb.properties.creator = "Staffordshire County Council (sample)"
    wb.properties.created = dt.datetime(2022, 1, 1)
    wb.properties.modified = dt.datetime(2022, 1, 1)
    wb.save(TARGET)
    print("wrote", TARGET)


if __name__ == "__main__":
    main()
