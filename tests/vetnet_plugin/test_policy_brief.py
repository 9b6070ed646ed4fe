"""The policy brief: rated rounds only, arguments in the reader's language, and the forum's chart."""
import re

import pytest

from vetnet_plugin import api

from .communication_helpers import (
    COURSE_KEY,
    USAGE_KEY,
    configure_forum,
    member,
    scenario_thread,
    seed_uuid,
    staff_user,
)

pytestmark = pytest.mark.django_db


def _round(staff, raters, uuid, scores):
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for rater, (plausibility, desirability) in zip(raters, scores, strict=False):
        api.rate_scenario(user=rater, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=uuid,
                          plausibility=plausibility, desirability=desirability)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)


@pytest.fixture
def brief_setup():
    configure_forum(max_rounds=4)
    staff = staff_user()
    raters = [member() for _ in range(3)]
    return staff, raters, seed_uuid(raters[0])


def brief(staff, language="en"):
    return api.render_policy_brief(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, language=language)


def test_the_brief_counts_only_closed_rounds_that_produced_ratings(brief_setup):
    staff, raters, uuid = brief_setup
    _round(staff, raters, uuid, [(1, 2), (3, 3), (5, 4)])
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)   # nobody rated
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)    # still open
    api.rate_scenario(user=raters[0], course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=uuid,
                      plausibility=2, desirability=2)

    content = api.get_policy_brief(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert [r.number for r in content.rounds] == [1] and content.open_round == 3
    html = brief(staff)
    assert "after 1 rated Delphi round." in html and "Round 3 is still open; its ratings are not included." in html


def test_a_brief_before_any_rated_round_says_so():
    configure_forum()
    staff = staff_user()
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    html = brief(staff)
    assert "before any Delphi round produced ratings" in html and "after 1" not in html
    assert "<svg" not in html


def test_arguments_are_quoted_in_the_readers_language_with_the_original(brief_setup):
    staff, raters, _uuid = brief_setup
    thread_id = scenario_thread(raters[0])
    post = api.create_post(user=raters[0], course_key=COURSE_KEY, thread_id=thread_id, language="en",
                           body="Regional councils know which crafts lack people.")
    api.vote_post(user=raters[1], course_key=COURSE_KEY, post_id=post.id)
    api.contribute_translation(user=raters[2], course_key=COURSE_KEY, kind="post", object_id=post.id, language="el",
                               body="Τα περιφερειακά συμβούλια ξέρουν ποια επαγγέλματα χρειάζονται ανθρώπους.")

    greek = brief(staff, language="el")
    quote = greek[greek.index("<blockquote>"):greek.index("</blockquote>")]
    assert "Τα περιφερειακά συμβούλια" in quote and "Regional councils know" in quote
    assert quote.index("Τα περιφερειακά") < quote.index("Regional councils"), "the reader's language comes first"
    english = brief(staff, language="en")
    assert "Τα περιφερειακά" not in english and "Regional councils know" in english


def test_the_brief_shows_the_forums_chart_with_its_legend(brief_setup):
    staff, raters, uuid = brief_setup
    _round(staff, raters, uuid, [(1, 2), (3, 3), (5, 4)])
    _round(staff, raters, uuid, [(3, 2), (4, 3), (5, 4)])
    html = brief(staff)
    assert re.search(r'<svg role="img"[^>]*aria-labelledby="vetnet-brief-chart-title', html)
    assert "middle half of the ratings" in html and "Hollow circle and arrow" in html
    assert 'marker-end="url(#vetnet-brief-arrow)"' in html
    assert "1. Labour-market-driven VET" in html and "moved since round 1" in html
