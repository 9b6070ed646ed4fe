"""
Where each scenario sits on the plausibility-by-desirability chart.

Only geometry lives here; the SVG and its text alternative are in the
template. Each scenario is placed at its latest shown median, with its
interquartile range as cross bars and a line from where the previous round
put it, so movement between rounds is visible.
"""
from __future__ import annotations

from dataclasses import dataclass

SIZE = 420
LEFT, TOP, RIGHT, BOTTOM = 64, 20, 20, 60
PLOT_WIDTH = SIZE - LEFT - RIGHT
PLOT_HEIGHT = SIZE - TOP - BOTTOM


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

    @property
    def label_x(self) -> float:
        return self.x + 9

    @property
    def label_y(self) -> float:
        return self.y - 9


def build_chart(scenarios, results) -> dict:
    """The chart's points and axes for the published scenarios with a shown aggregate."""
    trends = {c.scenario_uuid: c for c in (results.convergence if results else ())}
    points = []
    number = 0
    for scenario in scenarios:
        if scenario.status != "published":
            continue
        number += 1
        trend = trends.get(scenario.uuid)
        shown = [a for a in (trend.aggregates if trend else ()) if not a.withheld]
        if not shown:
            continue
        latest = shown[-1]
        previous = shown[-2] if len(shown) > 1 else None
        points.append(ChartPoint(
            number=number, title=scenario.title, round_number=latest.round_number, raters=latest.raters,
            plausibility=latest.plausibility.median, desirability=latest.desirability.median,
            plausibility_iqr=latest.plausibility.iqr, desirability_iqr=latest.desirability.iqr,
            x=x_of(latest.plausibility.median), y=y_of(latest.desirability.median),
            x_q1=x_of(latest.plausibility.q1), x_q3=x_of(latest.plausibility.q3),
            y_q1=y_of(latest.desirability.q1), y_q3=y_of(latest.desirability.q3),
            previous_x=x_of(previous.plausibility.median) if previous else None,
            previous_y=y_of(previous.desirability.median) if previous else None,
            previous_round=previous.round_number if previous else None,
        ))
    ticks = [{"value": v, "x": x_of(v), "y": y_of(v)} for v in range(1, 6)]
    return {
        "size": SIZE, "points": points, "ticks": ticks,
        "left": LEFT, "top": TOP, "right": SIZE - RIGHT, "bottom": SIZE - BOTTOM,
        "middle_x": x_of(3), "middle_y": y_of(3),
        "x_label_y": SIZE - 18, "y_label_x": 18, "y_label_y": TOP + PLOT_HEIGHT / 2,
    }
