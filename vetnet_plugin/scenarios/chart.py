"""
Where each scenario sits on the plausibility-by-desirability chart, and the
chart itself: one SVG, with a visible legend and a table, for the forum block
and the policy brief alike.

Each scenario is placed at its latest shown median, with its interquartile
ranges as cross bars. When the medians changed since the previous shown round,
an arrow leads from the previous position (a hollow circle carrying the same
number) to the new one; when they did not, nothing suggests a move. Scenarios
at the same place are drawn side by side around it, so no number hides another.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

SIZE = 420
LEFT, TOP, RIGHT, BOTTOM = 64, 20, 20, 60
PLOT_WIDTH = SIZE - LEFT - RIGHT
PLOT_HEIGHT = SIZE - TOP - BOTTOM
# How far apart points at the same place are drawn (SVG units; a point's radius is 7).
DODGE = 11


def x_of(value: float) -> float:
    return round(LEFT + (value - 1) / 4 * PLOT_WIDTH, 1)


def y_of(value: float) -> float:
    return round(TOP + (5 - value) / 4 * PLOT_HEIGHT, 1)


@dataclass(frozen=True)
class ChartPoint:
    """One scenario on the chart."""

    number: int
    title: str
    round_number: int
    raters: int
    plausibility: float
    desirability: float
    plausibility_iqr: float
    desirability_iqr: float
    x: float
    y: float
    x_q1: float
    x_q3: float
    y_q1: float
    y_q3: float
    previous_x: float | None = None
    previous_y: float | None = None
    previous_round: int | None = None
    # True only when a median changed since ``previous_round``.
    moved: bool = False
    previous_plausibility: float | None = None
    previous_desirability: float | None = None
    # Where the point is drawn: its true place, or beside it when other points share that place.
    draw_x: float = 0.0
    draw_y: float = 0.0
    shares_place: bool = False

    @property
    def label_x(self) -> float:
        return round(self.draw_x + 9, 1)

    @property
    def label_y(self) -> float:
        return round(self.draw_y - 9, 1)

    @property
    def previous_label_x(self) -> float | None:
        return None if self.previous_x is None else round(self.previous_x + 6, 1)

    @property
    def previous_label_y(self) -> float | None:
        return None if self.previous_y is None else round(self.previous_y + 14, 1)


def _dodged(places: list[tuple[float, float]]) -> list[tuple[float, float, bool]]:
    """Spread points that share a place on a small circle around it, in the order given."""
    groups: dict[tuple[float, float], list[int]] = {}
    for index, place in enumerate(places):
        groups.setdefault(place, []).append(index)
    drawn: list[tuple[float, float, bool]] = [(x, y, False) for x, y in places]
    for (x, y), members in groups.items():
        if len(members) < 2:
            continue
        radius = DODGE / (2 * math.sin(math.pi / len(members))) if len(members) > 2 else DODGE / 2 + 1
        for position, index in enumerate(members):
            angle = math.pi + 2 * math.pi * position / len(members)
            drawn[index] = (round(x + radius * math.cos(angle), 1), round(y + radius * math.sin(angle), 1), True)
    return drawn


def build_chart(*, scenarios, convergence) -> dict:
    """
    The chart's points and axes. ``scenarios`` are numbered in the order given
    (published ones only); ``convergence`` holds each scenario's aggregates.
    """
    trends = {c.scenario_uuid: c for c in (convergence or ())}
    rows = []
    number = 0
    for scenario in scenarios:
        if scenario.status != "published":
            continue
        number += 1
        trend = trends.get(scenario.uuid)
        shown = [a for a in (trend.aggregates if trend else ()) if not a.withheld]
        if shown:
            rows.append((number, scenario, shown[-1], shown[-2] if len(shown) > 1 else None))
    drawn = _dodged([(x_of(latest.plausibility.median), y_of(latest.desirability.median))
                     for _n, _s, latest, _p in rows])
    points = []
    for (number, scenario, latest, previous), (draw_x, draw_y, shares) in zip(rows, drawn, strict=False):
        moved = previous is not None and (
            previous.plausibility.median != latest.plausibility.median
            or previous.desirability.median != latest.desirability.median
        )
        points.append(ChartPoint(
            number=number, title=scenario.title, round_number=latest.round_number, raters=latest.raters,
            plausibility=latest.plausibility.median, desirability=latest.desirability.median,
            plausibility_iqr=latest.plausibility.iqr, desirability_iqr=latest.desirability.iqr,
            x=x_of(latest.plausibility.median), y=y_of(latest.desirability.median),
            x_q1=x_of(latest.plausibility.q1), x_q3=x_of(latest.plausibility.q3),
            y_q1=y_of(latest.desirability.q1), y_q3=y_of(latest.desirability.q3),
            previous_x=x_of(previous.plausibility.median) if moved else None,
            previous_y=y_of(previous.desirability.median) if moved else None,
            previous_round=previous.round_number if previous else None,
            previous_plausibility=previous.plausibility.median if previous else None,
            previous_desirability=previous.desirability.median if previous else None,
            moved=moved, draw_x=draw_x, draw_y=draw_y, shares_place=shares,
        ))
    ticks = [{"value": v, "x": x_of(v), "y": y_of(v)} for v in range(1, 6)]
    return {
        "size": SIZE, "points": points, "ticks": ticks,
        "left": LEFT, "top": TOP, "right": SIZE - RIGHT, "bottom": SIZE - BOTTOM,
        "middle_x": x_of(3), "middle_y": y_of(3),
        "x_label_y": SIZE - 18, "y_label_x": 18, "y_label_y": TOP + PLOT_HEIGHT / 2,
        "any_moved": any(p.moved for p in points), "any_shared": any(p.shares_place for p in points),
    }


def render_scenario_chart(*, chart: dict, dom_id: str) -> SafeString:
    """The chart as SVG with its visible legend, for a page (``dom_id`` keeps its ids unique)."""
    return mark_safe(render_to_string("vetnet/scenario_chart.html", {"chart": chart, "prefix": dom_id}))
