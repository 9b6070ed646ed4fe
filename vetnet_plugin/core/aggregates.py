"""
Counting tables for reports: things per (row, column), with the distinct
people they come from, and every margin counted as distinct people too.

Features build their aggregate functions on this so that personal ids stay
inside the feature: only counts leave.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models.functions import ExtractMonth, ExtractYear

from ..data import CountCell

NOT_STATED = "-"


def count_table(rows: Iterable[tuple[str, str, object, object]]) -> tuple[CountCell, ...]:
    """
    ``rows`` are ``(row, column, thing, person)``: a thing (a case, a resource)
    counted in a cell, from a person. The result holds every non-empty cell,
    each row's and column's total (``""`` as the other coordinate) and the
    grand total, with distinct things as ``items`` and distinct persons as
    ``people`` in each (a resource with two sectors counts once in its
    country's total). An empty row or column value is ``"-"``, not stated.
    """
    items: dict[tuple[str, str], set] = defaultdict(set)
    people: dict[tuple[str, str], set] = defaultdict(set)
    for row, column, thing, person in rows:
        row, column = str(row or NOT_STATED), str(column or NOT_STATED)
        for key in ((row, column), (row, ""), ("", column), ("", "")):
            items[key].add(thing)
            people[key].add(person)
    return tuple(
        CountCell(row=row, column=column, items=len(things), people=len(people[(row, column)]))
        for (row, column), things in sorted(items.items())
    )


def people_by_month(queryset, *, person: str, date: str) -> set[tuple[int, str]]:
    """
    The distinct ``(person id, "YYYY-MM")`` pairs of ``queryset``'s rows: who
    did something in which month, grouped in the database (one query).
    """
    rows = (queryset.exclude(**{f"{person}__isnull": True}).exclude(**{f"{date}__isnull": True}).order_by()
            .annotate(_year=ExtractYear(date), _month=ExtractMonth(date))
            .values_list(person, "_year", "_month").distinct())
    return {(person_id, f"{year:04d}-{month:02d}") for person_id, year, month in rows}
