"""
Small-cell suppression of the dashboard's count tables (statistical
disclosure control).

A cell describing fewer than ``VETNET_POLICY_MIN_CELL`` people is
suppressed (primary suppression). Then, so that no suppressed cell can be
worked out from what is shown, more cells are suppressed until every line
(each row and each column, with its total) either hides nothing or hides at
least two cells holding together at least the minimum number of people
(complementary suppression). Tables that share their row totals (two
breakdowns of the same counselling topics) are suppressed together: a total
hidden in one is hidden in the other, or the second would give it away.

The line rule alone is not enough when lines are chained (the rows of one
table and the columns of the other): after it, the whole group's equations
(every line: its cells add up to its total) are solved exactly, and any
hidden cell they determine gets one more hidden neighbour, until none is
determined (an audit by Gaussian elimination over a prime field, which is
exact for these 0/1 equations with overwhelming probability).

Across courses, a cell that sums courses is suppressed whenever any of its
courses' own cells is, since the reader sees those courses' dashboards too
and could subtract.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

Key = tuple[str, str]
Table = Mapping[Key, tuple[int, int]]  # (row, column) -> (items, people); "" is a total


def _codes(table: Table) -> tuple[list[str], list[str]]:
    rows = sorted({r for r, _c in table if r})
    columns = sorted({c for _r, c in table if c})
    return rows, columns


def _lines(table: Table):
    rows, columns = _codes(table)
    for row in [*rows, ""]:
        yield [(row, c) for c in columns], (row, "")
    for column in [*columns, ""]:
        yield [(r, column) for r in rows], ("", column)


def _people(table: Table, key: Key) -> int:
    return table.get(key, (0, 0))[1]


def primary(table: Table, min_cell: int) -> set[Key]:
    """The cells of fewer than ``min_cell`` people, none (a cell of nobody is shown as 0)."""
    return {key for key, (_items, people) in table.items() if 0 < people < min_cell}


def _complement(table: Table, hidden: set[Key], min_cell: int) -> bool:
    """Hide one more cell in the first unsafe line; False once every line is safe."""
    for cells, total in _lines(table):
        line = [*cells, total]
        hid = [key for key in line if key in hidden]
        if not hid:
            continue
        hidden_people = sum(_people(table, key) for key in hid if key != total)
        if len(hid) >= 2 and (total in hidden or hidden_people >= min_cell):
            continue
        shown = [key for key in cells if key not in hidden]
        # The smallest group that still describes someone, then the line's total, then an empty cell
        # (hiding an empty cell protects as well, but spreads to every line it crosses).
        # Among groups, first one whose other line already hides something: it protects both lines at once.
        def crossing(key, line=tuple(line)):
            return sum(1 for k in hidden if k not in line and (k[0] == key[0] or k[1] == key[1]))

        candidates = sorted((key for key in shown if _people(table, key) > 0),
                            key=lambda k: (crossing(k) == 0, _people(table, k), k))
        if total not in hidden and _people(table, total) > 0:
            candidates.append(total)
        candidates += [key for key in shown if _people(table, key) == 0]
        if total not in hidden and _people(table, total) == 0:
            candidates.append(total)
        if candidates:
            hidden.add(candidates[0])
            return True
    return False


_PRIME = 2_147_483_647


def _variable(index: int, key: Key):
    # Row totals are shared by the tables of a group: one unknown for all of them.
    return ("shared", key) if key[1] == "" else (index, key)


def _determined(tables: list, hidden: list[set[Key]]) -> set:
    """The hidden cells (as variables) that the shown cells and the lines' sums determine exactly."""
    equations = []
    for index, (table, found) in enumerate(zip(tables, hidden, strict=True)):
        for cells, total in _lines(table):
            row: dict = {}
            constant = 0
            for key, sign in [*((k, 1) for k in cells), (total, -1)]:
                if key in found:
                    var = _variable(index, key)
                    row[var] = (row.get(var, 0) + sign) % _PRIME
                else:
                    constant -= sign * table.get(key, (0, 0))[0]
            row = {k: v for k, v in row.items() if v}
            if row:
                equations.append(row)
    pivots: dict = {}  # pivot variable -> its reduced row
    for row in equations:
        row = dict(row)
        for var, pivot_row in pivots.items():
            factor = row.get(var)
            if factor:
                for k, v in pivot_row.items():
                    row[k] = (row.get(k, 0) - factor * v) % _PRIME
                row = {k: v for k, v in row.items() if v}
        if not row:
            continue
        var = min(row, key=repr)
        inverse = pow(row[var], _PRIME - 2, _PRIME)
        row = {k: v * inverse % _PRIME for k, v in row.items()}
        for pivot_row in pivots.values():
            factor = pivot_row.get(var)
            if factor:
                for k, v in row.items():
                    pivot_row[k] = (pivot_row.get(k, 0) - factor * v) % _PRIME
                for k in [k for k, v in pivot_row.items() if not v]:
                    del pivot_row[k]
        pivots[var] = row
    return {var for var, row in pivots.items() if len(row) == 1}


def _hide_beside(tables, hidden, variable) -> bool:
    """Hide the smallest shown cell in a line through a determined cell; False if there is none."""
    owners = [(i, variable[1]) for i in range(len(tables))] if variable[0] == "shared" else [variable]
    options = []
    for index, key in owners:
        if key not in tables[index] and variable[0] == "shared":
            continue
        for cells, total in _lines(tables[index]):
            line = [*cells, total]
            if key in line:
                options.extend((tables[index].get(k, (0, 0))[1] == 0, tables[index].get(k, (0, 0))[1], k == total,
                                index, k) for k in line if k not in hidden[index])
    if not options:
        return False
    _empty, _people, _is_total, index, key = min(options)
    hidden[index].add(key)
    return True


def suppress_group(tables: Iterable[Table], min_cell: int, *, already: Iterable[set[Key]] = ()) -> list[set[Key]]:
    """
    The suppressed cells of each table of a group sharing row totals: primary
    suppression, anything in ``already`` (cells that must stay hidden), then
    complementary suppression until no table has an unsafe line.
    """
    tables = list(tables)
    already = list(already) or [set() for _t in tables]
    hidden = [primary(table, min_cell) | set(extra) for table, extra in zip(tables, already, strict=True)]
    changed = True
    while changed:
        changed = False
        shared = {key for found in hidden for key in found if key[1] == ""}
        for found in hidden:
            if not shared <= found:
                found |= shared
                changed = True
        for table, found in zip(tables, hidden, strict=True):
            while _complement(table, found, min_cell):
                changed = True
        if not changed:
            for variable in sorted(_determined(tables, hidden), key=repr):
                changed |= _hide_beside(tables, hidden, variable)
                if changed:
                    break
    return hidden


def combine(per_course: list[tuple[Table, set[Key]]]) -> tuple[dict, set[Key]]:
    """
    The sum of the courses' tables, with the cells to keep hidden: those that
    include a cell hidden in its own course's table.
    """
    total: dict[Key, list[int]] = {}
    must_hide: set[Key] = set()
    for table, hidden in per_course:
        for key, (items, people) in table.items():
            found = total.setdefault(key, [0, 0])
            found[0] += items
            found[1] += people
            if key in hidden:
                must_hide.add(key)
    return {key: (items, people) for key, (items, people) in total.items()}, must_hide
