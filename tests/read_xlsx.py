"""Reads an xlsx workbook with openpyxl, a reader independent of the code that wrote it, and
prints what it holds as JSON for tests/xlsx.rs: the document properties, and for each sheet its
name, frozen pane, filter, column widths and every cell of every row (value, openpyxl's data
type, bold, wrapped, quote prefix).

Usage: python3 tests/read_xlsx.py WORKBOOK.xlsx
"""

import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def cell(c):
    value = c.value
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return {
        "value": value,
        "type": c.data_type,
        "bold": bool(c.font and c.font.b),
        "wrap": bool(c.alignment and c.alignment.wrap_text),
        "quote": bool(c.quotePrefix),
    }


def sheet(ws):
    widths = {}
    for dimension in ws.column_dimensions.values():
        if dimension.width and dimension.customWidth:
            for col in range(dimension.min, dimension.max + 1):
                widths[get_column_letter(col)] = round(dimension.width, 2)
    return {
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "widths": widths,
        "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
    }


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    properties = book.properties
    print(
        json.dumps(
            {
                "title": properties.title,
                "created": properties.created.isoformat() if properties.created else None,
                "sheets": [sheet(ws) for ws in book.worksheets],
            },
            ensure_ascii=False,
        )
    )


main()
