#!/usr/bin/env python3
"""The Python peer for the tracker benchmark: reads every sheet of a workbook
with python-calamine and writes its rows as JSON (no tracker logic at all).

usage: calamine_to_json.py IN.xlsx OUT.json
"""
import json
import sys

from python_calamine import CalamineWorkbook


def main():
    wb = CalamineWorkbook.from_path(sys.argv[1])
    sheets = {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(sheets, f, default=str, ensure_ascii=False)


if __name__ == "__main__":
    main()
