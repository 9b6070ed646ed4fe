"""
The dashboard's charts: one horizontal bar chart per table, drawn as SVG
on the server, with a title, a text alternative (what the chart shows in
words) and the data table beside it for screen readers and for copying.
"""
from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from . import data

WIDTH = 640
BAR = 22
GAP = 8
LABEL_WIDTH = 230


def _bars(table: data.IndicatorTable) -> list[tuple[str, float]]:
    """What the chart draws: each row's total (counts; the country's column when filtered) or its first median."""
    if table.has_totals:
        column = "" if any(c.column == "" for c in table.cells) else (table.columns[0][0] if table.columns else "")
    else:
        column = table.columns[0][0] if table.columns else ""
    bars = []
    for code, label in table.rows:
        cell = table.cell(code, column)
        if cell is not None and cell.value is not None:
            bars.append((label, float(cell.value)))
    return bars


def describe(table: data.IndicatorTable) -> str:
    """The chart in one or two sentences, for people who cannot see it."""
    bars = _bars(table)
    if not bars:
        return _("No group is large enough to be shown yet.")
    top = max(bars, key=lambda bar: bar[1])
    hidden = sum(1 for c in table.cells if c.suppressed)
    text = _("{count} groups shown; the largest is {label} ({value:g} {unit}).").format(
        count=len(bars), label=top[0], value=top[1], unit=table.unit)
    if hidden:
        text += " " + _("{hidden} cells are suppressed to protect small groups.").format(hidden=hidden)
    return text


def render_chart(table: data.IndicatorTable, *, dom_id: str) -> str:
    """The table's SVG bar chart, or "" when there is nothing to draw."""
    bars = _bars(table)
    if not bars:
        return ""
    top = max(value for _label, value in bars) or 1
    height = len(bars) * (BAR + GAP) + GAP
    scale = (WIDTH - LABEL_WIDTH - 60) / top
    shapes = format_html_join("", (
        '<g><text x="{}" y="{}" text-anchor="end" class="vetnet-policy-chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="vetnet-policy-chart-bar"></rect>'
        '<text x="{}" y="{}" class="vetnet-policy-chart-value">{}</text></g>'
    ), (
        (LABEL_WIDTH - 8, GAP + i * (BAR + GAP) + BAR * 0.7, label[:38],
         LABEL_WIDTH, GAP + i * (BAR + GAP), max(1, round(value * scale)), BAR,
         LABEL_WIDTH + max(1, round(value * scale)) + 6, GAP + i * (BAR + GAP) + BAR * 0.7, f"{value:g}")
        for i, (label, value) in enumerate(bars)
    ))
    return format_html(
        '<svg role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'preserveAspectRatio="xMinYMin meet" class="vetnet-policy-chart" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{shapes}</svg>',
        id=dom_id, w=WIDTH, h=height, title=table.title, desc=describe(table), shapes=shapes,
    )
