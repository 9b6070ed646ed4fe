"""The scenario chart: a visible legend, moves only when medians moved, and no point hidden behind another."""
from vetnet_plugin import api


class _Scenario:
    def __init__(self, uuid, title):
        self.uuid, self.title, self.status = uuid, title, "published"


def _trend(uuid, *rounds):
    aggregates = tuple(
        api.aggregate_scores(scenario_uuid=uuid, round_number=number, scores=scores)
        for number, scores in enumerate(rounds, start=1)
    )
    return api.Convergence(scenario_uuid=uuid, aggregates=aggregates)


SPREAD_3 = [(1, 1), (3, 3), (5, 5)]        # medians 3, 3
SPREAD_3_NARROW = [(2, 2), (3, 3), (4, 4)]  # still medians 3, 3
SPREAD_4 = [(3, 3), (4, 4), (5, 5)]        # medians 4, 4


def test_a_scenario_whose_medians_stayed_is_not_drawn_or_labelled_as_moved():
    scenarios = [_Scenario("a", "Stayed"), _Scenario("b", "Moved")]
    chart = api.scenario_chart(scenarios=scenarios, convergence=[
        _trend("a", SPREAD_3, SPREAD_3_NARROW), _trend("b", SPREAD_3, SPREAD_4),
    ])
    stayed, moved = chart["points"]
    assert not stayed.moved and stayed.previous_x is None and stayed.previous_round == 1
    assert moved.moved and (moved.previous_x, moved.previous_y) != (moved.x, moved.y)
    html = api.render_scenario_chart(chart=chart, dom_id="t")
    rows = html[html.index("<tbody>"):]
    assert "1. Stayed</th><td>2 (medians unchanged since round 1)" in rows
    assert "2. Moved</th><td>2 (moved since round 1)" in rows
    assert html.count('class="vetnet-chart__move"') == 1 + 1, "one arrow on the chart, one in the legend"
    assert 'marker-end="url(#t-arrow)"' in html


def test_the_legend_explains_every_mark_outside_the_hidden_description():
    chart = api.scenario_chart(scenarios=[_Scenario("b", "Moved")], convergence=[_trend("b", SPREAD_3, SPREAD_4)])
    html = api.render_scenario_chart(chart=chart, dom_id="t")
    legend = html[html.index('<ul class="vetnet-chart__legend">'):html.index("</ul>")]
    assert "median plausibility and desirability" in legend
    assert "first to third quartile" in legend
    assert "Hollow circle and arrow" in legend
    assert "aria-hidden" in legend, "the legend's swatches are decoration; its text says it"


def test_points_at_the_same_place_are_drawn_apart_and_the_legend_says_so():
    scenarios = [_Scenario(c, f"S{c}") for c in "abc"]
    chart = api.scenario_chart(scenarios=scenarios, convergence=[_trend(c, SPREAD_3) for c in "abc"])
    places = {(p.draw_x, p.draw_y) for p in chart["points"]}
    assert len(places) == 3, "three scenarios at one median are three visible points"
    assert all(p.shares_place for p in chart["points"]) and {(p.x, p.y) for p in chart["points"]} == {
        (chart["points"][0].x, chart["points"][0].y)
    }
    for point in chart["points"]:
        assert abs(point.draw_x - point.x) <= 12 and abs(point.draw_y - point.y) <= 12
    assert "drawn side by side" in api.render_scenario_chart(chart=chart, dom_id="t")
    alone = api.scenario_chart(scenarios=scenarios[:1], convergence=[_trend("a", SPREAD_3)])
    (point,) = alone["points"]
    assert (point.draw_x, point.draw_y) == (point.x, point.y) and not point.shares_place
