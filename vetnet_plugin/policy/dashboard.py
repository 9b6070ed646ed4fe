"""
The policy dashboard: who may read it, and its tables for one course
community or across the communities where the reader holds the policy role.

Everything is read from the snapshots (``snapshots.py``): the dashboard's
queries are the same few whatever the size of the community. Every count
table goes through small-cell suppression (``suppression.py``) before it
leaves this module; the unsuppressed counts never do.
"""
from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from ..conf import setting
from ..core.keys import parse_course_key
from ..exceptions import AccessDenied, InvalidInput
from ..members.api import POLICY_MAKER_ROLE, list_courses_with_role
from ..scenarios.api import can_read_policy_brief
from . import data
from .indicators import COUNTRY, INDICATORS
from .labels import labeller
from .models import PolicySnapshot
from .suppression import combine, suppress_group

_SPREAD_COLUMNS = {
    "delphi_convergence": ("plausibility", "desirability"),
    "counselling_answer_hours": ("median_hours",),
}


def min_cell() -> int:
    """Fewest people a shown cell may describe (``VETNET_POLICY_MIN_CELL``, never below 3)."""
    return max(3, int(setting("VETNET_POLICY_MIN_CELL")))


def _denied():
    return AccessDenied(_("The policy dashboard is for course staff and the members they granted the policy role."))


def readable_course_keys(*, user, course_key=None) -> tuple[str, ...]:
    """
    The course communities whose dashboard ``user`` may read: one course if
    named (its staff, or a member holding the policy role there), else every
    course where they hold the role (every course with a snapshot for global
    staff). ``AccessDenied`` when there is none.
    """
    if not user or not user.is_authenticated or not user.is_active:
        raise _denied()
    if course_key:
        key = parse_course_key(course_key)
        if not can_read_policy_brief(user=user, course_key=key):
            raise _denied()
        return (str(key),)
    if user.is_staff:
        keys = tuple(str(k) for k in PolicySnapshot.objects.order_by("course_key").values_list("course_key", flat=True))
    else:
        keys = list_courses_with_role(user_id=user.id, role=POLICY_MAKER_ROLE)
    if not keys:
        raise _denied()
    return keys


def _count_dict(rows) -> dict:
    return {(r, c): (int(items), int(people)) for r, c, items, people in rows}


def _suppressed_counts(snapshots, indicators, limit):
    """Per count indicator: (the table of the scope, its hidden cells)."""
    groups = defaultdict(list)
    for indicator in indicators:
        if indicator.kind == "count":
            groups[indicator.group or indicator.key].append(indicator)
    result = {}
    for members in groups.values():
        per_course = []
        for snap in snapshots:
            tables = [_count_dict(snap.tables.get(i.feature, {}).get(i.table, [])) for i in members]
            per_course.append((tables, suppress_group(tables, limit)))
        if len(per_course) == 1:
            tables, hidden = per_course[0]
        else:
            combined = [combine([(tables[n], hidden[n]) for tables, hidden in per_course]) for n in range(len(members))]
            tables = [table for table, _h in combined]
            hidden = suppress_group(tables, limit, already=[must for _t, must in combined])
        for indicator, table, found in zip(members, tables, hidden, strict=True):
            result[indicator.key] = (table, found)
    return result


def _filtered(codes, vocabulary, country):
    if vocabulary == COUNTRY and country:
        return [c for c in codes if c == country]
    return codes


def _count_indicator(indicator, table, hidden, label, country) -> data.IndicatorTable:
    rows = _filtered(sorted({r for r, _c in table if r}), indicator.rows, country)
    columns = _filtered(sorted({c for _r, c in table if c}), indicator.columns, country)
    # Filtered to one country, the totals over every country are not the filter's business.
    row_lines = [*rows] + ([] if country and indicator.rows == COUNTRY else [""])
    column_lines = [*columns] + ([] if country and indicator.columns == COUNTRY else [""])
    cells = [
        data.Cell(row=row, column=column, value=None, suppressed=True) if (row, column) in hidden
        else data.Cell(row=row, column=column, value=table.get((row, column), (0, 0))[0])
        for row in row_lines for column in column_lines
    ]
    return _table(indicator, label, rows, columns, cells, has_totals=True)


def _table(indicator, label, rows, columns, cells, *, has_totals):
    return data.IndicatorTable(
        key=indicator.key, title=str(indicator.title), description=str(indicator.description),
        informs=str(indicator.informs), row_heading=str(indicator.row_heading),
        column_heading=str(indicator.column_heading),
        rows=tuple((code, label(indicator.rows, code)) for code in rows),
        columns=tuple((code, label(indicator.columns, code)) for code in columns),
        cells=tuple(cells), has_totals=has_totals, unit=str(indicator.unit),
    )


def _spread_indicator(indicator, snapshots, limit, label, country) -> data.IndicatorTable:
    """A table of medians and spreads: shown where at least ``limit`` people stand behind it, never summed."""
    several = len(snapshots) > 1
    fixed_columns = _SPREAD_COLUMNS.get(indicator.key)
    rows, row_labels, columns, cells = [], {}, set(), []
    for snap in snapshots:
        for row, column, values, people in snap.tables.get(indicator.feature, {}).get(indicator.table, []):
            code = f"{snap.course_key}|{row}" if several else row
            if code not in row_labels:
                rows.append(code)
                row_labels[code] = label(indicator.rows, row) + (f" ({snap.course_key})" if several else "")
            entries = [(name, values.get(name)) for name in fixed_columns] if fixed_columns else [(column, values)]
            for name, found in entries:
                columns.add(name)
                shown = people >= limit and found not in (None, {})
                median, iqr = (found["median"], found["iqr"]) if isinstance(found, dict) and shown else (found, None)
                cells.append(data.Cell(row=code, column=name, value=median if shown else None, suppressed=not shown,
                                       spread=iqr))
    ordered = list(fixed_columns) if fixed_columns else _filtered(sorted(columns), indicator.columns, country)
    return _table(
        indicator,
        lambda vocabulary, code: row_labels[code] if vocabulary == indicator.rows else label(vocabulary, code),
        rows, ordered, [c for c in cells if c.column in ordered], has_totals=False,
    )


def get_policy_dashboard(*, user, course_key=None, country: str = "", only: str = "") -> data.Dashboard:
    """
    The dashboard of one course community (``course_key``) or of every one the
    reader may see, optionally for one ``country`` (an ISO 3166 code) and one
    indicator (``only``, its key). Cells describing fewer than
    ``VETNET_POLICY_MIN_CELL`` people are suppressed, with their complements.
    """
    keys = readable_course_keys(user=user, course_key=course_key)
    country = (country or "").strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        message = _("Choose a country from the list.")
        raise InvalidInput(message, errors={"country": [message]})
    indicators = [i for i in INDICATORS if not only or i.key == only]
    if only and not indicators:
        raise InvalidInput(_("There is no such table on the dashboard."))
    snapshots = list(PolicySnapshot.objects.filter(course_key__in=keys).order_by("course_key"))
    limit = min_cell()
    labels, topics = {}, {}
    scenarios, countries = [], set()
    for snap in snapshots:
        delphi = snap.tables.get("delphi", {})
        topics.update(snap.tables.get("counselling", {}).get("topic_labels", {}))
        labels.update({row: tuple(value) for row, value in delphi.get("labels", {}).items()})
        scenarios.extend({"course_key": str(snap.course_key), "uuid": uuid, "title": title, "usage_key": usage}
                         for uuid, title, usage in delphi.get("scenarios", []))
        for indicator in INDICATORS:
            for cell in snap.tables.get(indicator.feature, {}).get(indicator.table, []):
                if indicator.columns == COUNTRY and cell[1] and cell[1] != "-":
                    countries.add(cell[1])
                if indicator.rows == COUNTRY and cell[0] and cell[0] != "-":
                    countries.add(cell[0])
    label = labeller(labels, topics)
    counts = _suppressed_counts(snapshots, indicators, limit)
    tables = []
    for indicator in indicators:
        if indicator.kind == "count":
            table, hidden = counts[indicator.key]
            tables.append(_count_indicator(indicator, table, hidden, label, country))
        else:
            tables.append(_spread_indicator(indicator, snapshots, limit, label, country))
    return data.Dashboard(
        scope=str(parse_course_key(course_key)) if course_key else "", course_keys=keys, country=country,
        countries=tuple(sorted(((code, label(COUNTRY, code)) for code in countries), key=lambda c: c[1])),
        computed=min((s.computed for s in snapshots), default=None), min_cell=limit, tables=tuple(tables),
        scenarios=tuple(sorted(scenarios, key=lambda s: (s["course_key"], s["title"]))),
    )
