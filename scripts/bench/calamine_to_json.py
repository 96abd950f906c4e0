#!/usr/bin/env python3
"""The Python peer for the tracker benchmark: reads every sheet of a workbook
with python-calamine and writes its rows as JSON (no tracker logic at all),
with orjson when it is installed (the fast writer a user would pick), else
the standard library's json.

usage: calamine_to_json.py IN.xlsx [-o] OUT.json
"""
import json
import sys

try:
    import orjson
except ImportError:
    orjson = None

from python_calamine import CalamineWorkbook


def main():
    source, target = [a for a in sys.argv[1:] if a != "-o"]
    wb = CalamineWorkbook.from_path(source)
    sheets = {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    if orjson:
        with open(target, "wb") as f:
            f.write(orjson.dumps(sheets, default=str))
    else:
        with open(target, "w", encoding="utf-8") as f:
            json.dump(sheets, f, default=str, ensure_ascii=False)


if __name__ == "__main__":
    main()
