"""Plain values of the policy dashboard and the policy responses."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    """One shown cell: its number, or ``None`` where it is suppressed."""

    row: str
    column: str
    value: float | int | None
    suppressed: bool = False
    # A spread table's interquartile range beside its median.
    spread: float | None = None


@dataclass(frozen=True)
class IndicatorTable:
    """
    One indicator as a table: its rows and columns (codes with labels), every
    cell (suppressed ones with ``value`` None), and what it measures.
    """

    key: str
    title: str
    description: str
    informs: str
    row_heading: str
    column_heading: str
    rows: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, str], ...]
    cells: tuple[Cell, ...]
    # Counts have totals (row "" / column ""); spreads have none.
    has_totals: bool = True
    unit: str = ""

    def cell(self, row: str, column: str) -> Cell | None:
        return next((c for c in self.cells if c.row == row and c.column == column), None)


@dataclass(frozen=True)
class Dashboard:
    """The dashboard of one course community or of all the reader's communities."""

    scope: str  # a course key, or "" for every course the reader may see
    course_keys: tuple[str, ...]
    country: str
    countries: tuple[tuple[str, str], ...]
    computed: datetime.datetime | None
    min_cell: int
    tables: tuple[IndicatorTable, ...]
    scenarios: tuple[dict, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PolicyResponse:
    """A policy maker's answer to the community, as members read it."""

    uuid: str
    course_key: str
    target_kind: str
    target: str
    author_name: str
    body: str
    body_html: str
    created: datetime.datetime
    modified: datetime.datetime
    can_edit: bool = False
