"""Reads and fills a progress workbook of `plans sheet` with openpyxl, a reader and writer
independent of the code that made it, for tests/sheet.rs.

Usage:
  python3 tests/sheet_xlsx.py read WORKBOOK.xlsx
      prints as JSON each sheet's name, visibility, protection, print setup, column widths,
      data validations and every cell (value, locked, wrapped)
  python3 tests/sheet_xlsx.py fill WORKBOOK.xlsx EDITS.json OUT.xlsx
      applies EDITS, a list of {"sheet", "cell", "value"} (a value of null empties the cell;
      with "number_format", the cell shows its value so, as Excel formats 「96%」 typed in it)
      or {"sheet", "move_row": [FROM, TO]} (swaps two rows' values, as a person cutting and
      pasting a row would), and saves the workbook as OUT.xlsx, as a person saving in Excel
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
        "locked": bool(c.protection.locked),
        "wrap": bool(c.alignment and c.alignment.wrap_text),
    }


def validation(v):
    return {
        "type": v.type,
        "operator": v.operator,
        "formula1": v.formula1,
        "formula2": v.formula2,
        "range": str(v.sqref),
        "error": v.error,
        "show_error": bool(v.showErrorMessage),
    }


def sheet(ws):
    widths = {}
    for dimension in ws.column_dimensions.values():
        if dimension.width and dimension.customWidth:
            for col in range(dimension.min, dimension.max + 1):
                widths[get_column_letter(col)] = round(dimension.width, 2)
    protection = ws.protection
    return {
        "name": ws.title,
        "state": ws.sheet_state,
        "protected": bool(protection.sheet),
        "password": protection.password,
        "may_insert_rows": not protection.insertRows,
        "may_delete_rows": not protection.deleteRows,
        "may_format_rows": not protection.formatRows,
        "may_format_cells": not protection.formatCells,
        "freeze": ws.freeze_panes,
        "orientation": ws.page_setup.orientation,
        "paper": ws.page_setup.paperSize,
        "fit_width": ws.page_setup.fitToWidth,
        "margins": [ws.page_margins.left, ws.page_margins.right],
        "first_row_height": ws.row_dimensions[1].height,
        "page_header": [ws.oddHeader.left.text, ws.oddHeader.right.text],
        "print_titles": ws.print_title_rows,
        "widths": widths,
        "validations": [validation(v) for v in ws.data_validations.dataValidation],
        "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
    }


def read(path):
    book = openpyxl.load_workbook(path)
    print(json.dumps({"sheets": [sheet(ws) for ws in book.worksheets]}, ensure_ascii=False))


def fill(path, edits_path, out):
    book = openpyxl.load_workbook(path)
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    for edit in edits:
        ws = book[edit["sheet"]]
        if "move_row" in edit:
            a, b = edit["move_row"]
            for col in range(1, ws.max_column + 1):
                x, y = ws.cell(a, col), ws.cell(b, col)
                x.value, y.value = y.value, x.value
        else:
            ws[edit["cell"]] = edit["value"]
            if "number_format" in edit:
                ws[edit["cell"]].number_format = edit["number_format"]
    book.save(out)


def main():
    if sys.argv[1] == "read":
        read(sys.argv[2])
    else:
        fill(sys.argv[2], sys.argv[3], sys.argv[4])


main()
