"""
Small-cell suppression of the policy dashboard: no suppressed cell can be
worked out from what is shown, in one table, from two tables that share their
totals, or from one course's dashboard and the dashboard across courses.

The attacker below does what a reader with a spreadsheet does: in every line
(a row or a column with its total) where one figure is unknown, subtract; and
where a figure is shown in one table, use it in the other. The tests first
show the attack succeeds on naive suppression, so they can fail.
"""
from vetnet_plugin.policy.suppression import combine, primary, suppress_group

K = 10


def table(cells: dict) -> dict:
    """A table from {(row, column): people} with its totals, one item per person."""
    full = {}
    for (row, column), people in cells.items():
        for key in ((row, column), (row, ""), ("", column), ("", "")):
            full[key] = full.get(key, 0) + people
    return {key: (value, value) for key, value in full.items()}


def lines(t):
    rows = sorted({r for r, _c in t if r})
    columns = sorted({c for _r, c in t if c})
    for row in [*rows, ""]:
        yield [(row, c) for c in columns], (row, "")
    for column in [*columns, ""]:
        yield [(r, column) for r in rows], ("", column)


def attack(published: list[dict], equations=()) -> list[dict]:
    """
    What a reader can work out: ``published`` tables of {key: value or None}; ``equations`` are
    (total, [parts]) across tables, as ((table index, key), [(table index, key), ...]).
    """
    known = [dict(t) for t in published]
    found = True
    while found:
        found = False
        for index, t in enumerate(known):
            for cells, total in lines(t):
                eqs = [((index, total), [(index, key) for key in cells])]
                for (ti, tk), parts in eqs:
                    found |= _solve(known, (ti, tk), parts)
        for whole, parts in equations:
            found |= _solve(known, whole, parts)
        # Two tables sharing row totals: a total shown in one is known in the other.
        for t in known:
            for key, value in list(t.items()):
                if value is None:
                    continue
                for other in known:
                    if other is not t and key in other and key[1] == "" and other[key] is None and _shares(t, other):
                        other[key] = value
                        found = True
    return known


_SHARED = set()


def _shares(a, b) -> bool:
    return (id(a), id(b)) in _SHARED


def _solve(known, whole, parts) -> bool:
    ti, tk = whole
    values = [known[pi].get(pk, 0) for pi, pk in parts]
    total = known[ti].get(tk, 0)
    unknown = [p for p, v in zip(parts, values, strict=True) if v is None]
    if total is not None and len(unknown) == 1:
        rest = sum(v for v in values if v is not None)
        pi, pk = unknown[0]
        known[pi][pk] = total - rest
        return True
    if total is None and not unknown:
        known[ti][tk] = sum(values)
        return True
    return False


def publish(t, hidden):
    """What the dashboard shows: every cell, an empty one as 0, a suppressed one (even an empty one) as unknown."""
    shown = {key: None if key in hidden else items for key, (items, _people) in t.items()}
    return {**shown, **{key: None for key in hidden}}


def revealed(original, hidden, known) -> set:
    """The hidden cells the attacker now knows, with their true value."""
    return {key for key in hidden if known.get(key) is not None and known[key] == original.get(key, (0, 0))[0]}


def test_a_cell_of_fewer_people_than_the_minimum_is_suppressed_and_empty_cells_are_shown():
    t = table({("apprenticeships", "IT"): 12, ("apprenticeships", "GR"): 3, ("dropout", "IT"): 15})
    assert primary(t, K) == {("apprenticeships", "GR"), ("", "GR")}
    assert ("dropout", "GR") not in primary(t, K)


def test_totals_minus_the_shown_cells_do_not_reveal_a_suppressed_cell():
    t = table({("apprenticeships", "IT"): 12, ("apprenticeships", "GR"): 3, ("apprenticeships", "ES"): 20,
               ("dropout", "IT"): 15, ("dropout", "ES"): 11, ("dropout", "GR"): 14})
    naive = primary(t, K)
    assert revealed(t, naive, attack([publish(t, naive)])[0]), "the attack works on primary suppression alone"

    hidden = suppress_group([t], K)[0]
    assert ("apprenticeships", "GR") in hidden and len(hidden) > len(naive)
    assert not revealed(t, hidden, attack([publish(t, hidden)])[0])


def test_two_tables_sharing_their_totals_cannot_be_combined_to_reveal_a_cell():
    # The same topics by country and by outcome: both show each topic's total. Across courses the
    # apprenticeships total must stay hidden in the first table (a course's own cell is hidden in it).
    by_country = table({("apprenticeships", "GR"): 12, ("apprenticeships", "IT"): 4, ("dropout", "GR"): 12,
                        ("dropout", "ES"): 12, ("funding", "GR"): 12, ("funding", "IT"): 15})
    by_outcome = table({("apprenticeships", "solved"): 13, ("apprenticeships", "not_solved"): 3,
                        ("dropout", "solved"): 24, ("funding", "solved"): 20, ("funding", "not_solved"): 7})
    must_hide = {("apprenticeships", "")}
    alone = [primary(by_country, K) | must_hide, primary(by_outcome, K)]
    published = [publish(by_country, alone[0]), publish(by_outcome, alone[1])]
    _SHARED.clear()
    _SHARED.update({(id(published[0]), id(published[1])), (id(published[1]), id(published[0]))})
    known = attack(published)
    assert revealed(by_country, alone[0], known[0]) - {("apprenticeships", "")}, (
        "hiding the small cells alone leaks, helped by the totals the second table shows")

    together = suppress_group([by_country, by_outcome], K, already=[must_hide, set()])
    assert ("apprenticeships", "") in together[1], "a total hidden in one table is hidden in the other"
    published = [publish(by_country, together[0]), publish(by_outcome, together[1])]
    _SHARED.clear()
    _SHARED.update({(id(published[0]), id(published[1])), (id(published[1]), id(published[0]))})
    known = attack(published)
    assert not revealed(by_country, together[0], known[0])
    assert not revealed(by_outcome, together[1], known[1])


def test_one_courses_dashboard_and_the_one_across_courses_cannot_be_subtracted():
    course_a = table({("apprenticeships", "IT"): 10, ("apprenticeships", "GR"): 12, ("dropout", "IT"): 20,
                      ("dropout", "GR"): 30})
    course_b = table({("apprenticeships", "IT"): 4, ("apprenticeships", "GR"): 15, ("dropout", "IT"): 18,
                      ("dropout", "GR"): 22})
    hidden_a, hidden_b = suppress_group([course_a], K)[0], suppress_group([course_b], K)[0]
    assert ("apprenticeships", "IT") in hidden_b

    summed, must_hide = combine([(course_a, hidden_a), (course_b, hidden_b)])
    naive = suppress_group([summed], K)[0]
    shown_a, shown_b = publish(course_a, hidden_a), publish(course_b, hidden_b)
    equations = [((2, key), [(0, key), (1, key)]) for key in summed]
    known = attack([shown_a, shown_b, publish(summed, naive)], equations)
    assert revealed(course_b, hidden_b, known[1]), "without care, A's figure and the sum give B's away"

    across = suppress_group([summed], K, already=[must_hide])[0]
    known = attack([shown_a, shown_b, publish(summed, across)], equations)
    assert not revealed(course_b, hidden_b, known[1]) and not revealed(course_a, hidden_a, known[0])


def test_a_line_whose_only_other_cells_are_empty_hides_its_total():
    t = table({("apprenticeships", "GR"): 3, ("dropout", "IT"): 40})
    hidden = suppress_group([t], K)[0]
    assert {("apprenticeships", "GR"), ("apprenticeships", "")} <= hidden
    assert not revealed(t, hidden, attack([publish(t, hidden)])[0])
