"""The dashboard's tables as CSV files, exactly as shown (suppressed cells say so)."""
from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from . import data

# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) and text != "-" else text


def _shown(cell: data.Cell | None, min_cell: int) -> str:
    if cell is None:
        return "0"
    if cell.suppressed:
        return _("suppressed (fewer than {count} people)").format(count=min_cell)
    if cell.spread is not None:
        return f"{cell.value:g} (IQR {cell.spread:g})"
    return f"{cell.value:g}" if isinstance(cell.value, float) else str(cell.value)


def table_csv(table: data.IndicatorTable, *, min_cell: int) -> str:
    """One table as CSV: a heading line, then one line per row, totals last where the table has them."""
    out = io.StringIO()
    writer = csv.writer(out)
    total = table.has_totals and any(c.column == "" for c in table.cells)
    writer.writerow([_safe(table.row_heading), *(_safe(label) for _c, label in table.columns),
                     *([_("Total")] if total else [])])
    rows = list(table.rows) + ([("", _("Total"))] if table.has_totals and any(c.row == "" for c in table.cells) else [])
    for code, label in rows:
        columns = [c for c, _l in table.columns] + ([""] if total else [])
        writer.writerow([_safe(label), *(_shown(table.cell(code, column), min_cell) for column in columns)])
    return out.getvalue()
