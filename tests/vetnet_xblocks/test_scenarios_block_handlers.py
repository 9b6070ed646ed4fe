"""The scenario forum's handlers: a Delphi process from proposal to converging results, through the block."""
import re

import pytest
from django.test import override_settings
from xblock.scorable import Score

from vetnet_plugin import api

from .runtime import COURSE_KEY, call_handler
from .scenarios_helpers import forum, person  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def act(who, block, name, payload=None, **kwargs):
    return call_handler(who.runtime, who.block(block), name, payload if payload is not None else {}, **kwargs)


def thread_ids(who, block):
    return [s.thread_id for s in api.list_scenarios(user=who.user, course_key=COURSE_KEY,
                                                     usage_key=str(block.scope_ids.usage_id))]


def page(who, block, language="", open_threads=None):
    """The forum as ``who``'s page asks for it, with every discussion open unless told which."""
    if open_threads is None:
        open_threads = thread_ids(who, block)
    status, body, _response = act(who, block, "forum_html", {"language": language, "open_threads": open_threads})
    assert status == 200, body
    return body["html"]


def uuid_of(who, block, title):
    usage_key = str(block.scope_ids.usage_id)
    return next(s.uuid for s in api.list_scenarios(user=who.user, course_key=COURSE_KEY, usage_key=usage_key)
                if s.title == title)


@pytest.fixture
def people(forum):
    runtime, block = forum
    members = [person(runtime) for _ in range(3)]
    staff = person(runtime, staff=True)
    staff.block(block).student_view()
    return block, members, staff


def test_a_proposal_waits_for_staff_then_everyone_sees_it(people):
    block, (alice, bob, _carol), staff = people
    status, body, _r = act(alice, block, "propose", {"title": "Apprenticeships for all", "narrative": "Every firm trains.",
                                                      "drivers": ["Skills shortages in SMEs"], "language": ""})
    assert status == 200 and "approved" in body["message"]
    assert "Apprenticeships for all" in page(alice, block) and "waiting for approval" in page(alice, block)
    assert "Apprenticeships for all" not in page(bob, block)
    assert "Apprenticeships for all" in page(staff, block)
    uuid = uuid_of(staff, block, "Apprenticeships for all")
    assert act(bob, block, "moderate_scenario", {"scenario_uuid": uuid, "publish": True})[0] == 403
    assert act(staff, block, "moderate_scenario", {"scenario_uuid": uuid, "publish": True})[0] == 200
    assert "Apprenticeships for all" in page(bob, block)


def test_rounds_ratings_results_and_the_chart(people):
    block, members, staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    assert act(members[0], block, "rating_round", {"action": "open"})[0] == 403
    assert act(staff, block, "rating_round", {"action": "open"})[0] == 200
    assert 'data-action="rate"' in page(members[0], block)
    for who, score in zip(members, [2, 3, 5], strict=False):
        status, body, _r = act(who, block, "rate", {"scenario_uuid": uuid, "plausibility": str(score),
                                                     "desirability": score, "rationale": f"because {score}"})
        assert status == 200, body
    before_close = page(members[0], block)
    assert "<svg" not in before_close and "Update my rating" in before_close
    assert "Members who have rated so far: 3." in before_close

    assert act(staff, block, "rating_round", {"action": "close", "confirmed": True})[0] == 200
    html = page(members[0], block)
    assert 'role="img"' in html and "<title" in html and "<desc" in html and "<table" in html
    assert "plausibility median 3" in html
    assert "Your rating: plausibility 2, desirability 2." in html
    assert "because 5" in html, "rationales are shared anonymously after the round"
    assert "Open round 2" in page(staff, block)



@pytest.mark.parametrize("language", ["it", "el", "es", "ca"])
def test_the_chart_draws_in_languages_that_write_a_decimal_comma(people, language):
    import re  # pylint: disable=import-outside-toplevel

    from django.utils import translation  # pylint: disable=import-outside-toplevel

    block, members, staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    act(staff, block, "rating_round", {"action": "open"})
    for who, score in zip(members, [2, 3, 4], strict=False):
        act(who, block, "rate", {"scenario_uuid": uuid, "plausibility": score, "desirability": score})
    act(staff, block, "rating_round", {"action": "close", "confirmed": True})

    with translation.override(language):
        html = page(members[0], block)

    svg = html[html.index("<svg"):html.index("</svg>")]
    coordinates = re.findall(r'\b(?:cx|cy|x1|x2|y1|y2|x|y)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value) for value in coordinates), coordinates

def test_no_handler_reveals_who_rated_what(people):
    block, members, staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    act(staff, block, "rating_round", {"action": "open"})
    for who, score in zip(members, [1, 4, 5], strict=False):
        act(who, block, "rate", {"scenario_uuid": uuid, "plausibility": score, "desirability": score})
    act(staff, block, "rating_round", {"action": "close", "confirmed": True})
    for viewer in (members[0], staff):
        html = page(viewer, block)
        # Staff's grant control names the course's members, as the directory does; nothing there is about ratings.
        html = re.sub(r'<section class="vetnet-scenarios__readers".*?</section>', "", html, flags=re.S)
        for rater in members:
            if rater is not viewer:
                assert rater.user.username not in html
                assert rater.user.get_full_name() not in html
    assert "Your rating: plausibility 1" in page(members[0], block)
    assert "Your rating" not in page(staff, block)


def test_movement_between_rounds_is_drawn(people):
    block, members, staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    # [3, 3, 4] would be withheld: two raters agreeing tell the third what both gave (ADR 0005).
    for scores in ([1, 3, 5], [3, 4, 5]):
        act(staff, block, "rating_round", {"action": "open"})
        for who, score in zip(members, scores, strict=False):
            act(who, block, "rate", {"scenario_uuid": uuid, "plausibility": score, "desirability": score})
        act(staff, block, "rating_round", {"action": "close", "confirmed": True})
    html = page(members[1], block)
    assert "vetnet-chart__move" in html and "moved since round 1" in html
    assert "Opinions converged" in html
    assert "All 2 rounds are closed" in html


def test_discussion_through_the_block(people):
    block, (alice, bob, _carol), staff = people
    thread_id = api.list_scenarios(user=alice.user, course_key=COURSE_KEY,
                                   usage_key=str(block.scope_ids.usage_id))[0].thread_id
    assert act(alice, block, "create_post", {"thread_id": thread_id, "body": "We need *modules*.", "language": ""})[0] == 200
    post_id = api.get_thread(user=alice.user, course_key=COURSE_KEY, thread_id=thread_id).posts[0].id
    assert act(bob, block, "create_post", {"thread_id": thread_id, "body": "Agreed", "parent_id": post_id})[0] == 200
    assert act(bob, block, "vote_post", {"post_id": post_id, "vote": True})[1]["vote_count"] == 1
    assert act(alice, block, "edit_post", {"post_id": post_id, "body": "We need short *modules*."})[0] == 200
    assert act(bob, block, "flag_post", {"post_id": post_id, "reason": "check"})[0] == 200
    assert act(bob, block, "follow", {"thread_id": thread_id, "follow": True, "email_digest": True})[0] == 200
    assert act(bob, block, "translate", {"kind": "post", "object_id": post_id, "language": "it",
                                          "body": "Servono moduli brevi."})[0] == 200
    html = page(bob, block)
    # The post as it is now, its translation and its earlier version, each shown as HTML, never as escaped tags.
    assert '<div class="vetnet-scenarios__original" lang="en"><p>We need short <em>modules</em>.</p></div>' in html
    assert "<p>Servono moduli brevi.</p>" in html
    assert "Edit history" in html and '<div lang="en"><p>We need <em>modules</em>.</p></div>' in html
    assert "&lt;p&gt;" not in html and "&lt;em&gt;" not in html
    assert 'aria-pressed="true"' in html
    assert act(bob, block, "moderate_post", {"post_id": post_id, "hide": True, "reason": "x"})[0] == 403
    assert "Flagged posts" in page(staff, block)
    assert act(staff, block, "moderate_post", {"post_id": post_id, "hide": True, "reason": "Off topic"})[0] == 200
    assert "Hidden by a moderator: Off topic" in page(bob, block)
    assert "We need short" not in page(bob, block)


def test_each_post_s_forms_carry_that_post_s_ids_and_state(people):
    """The forms are rendered once per page and filled in per post: each one must still name its own post."""
    import json  # pylint: disable=import-outside-toplevel

    from lxml import html as lxml_html  # pylint: disable=import-outside-toplevel

    block, (alice, bob, _carol), staff = people
    threads = [s.thread_id for s in api.list_scenarios(user=alice.user, course_key=COURSE_KEY,
                                                        usage_key=str(block.scope_ids.usage_id))]
    for thread_id in threads:
        act(alice, block, "create_post", {"thread_id": thread_id, "body": f"About {thread_id[:4]}", "language": ""})
    posts = {thread_id: api.get_thread(user=alice.user, course_key=COURSE_KEY, thread_id=thread_id).posts[0].id
             for thread_id in threads}
    flagged = posts[threads[0]]
    act(bob, block, "flag_post", {"post_id": flagged, "reason": "check"})
    for who in (bob, staff):
        tree = lxml_html.fromstring(page(who, block))
        for thread_id, post_id in posts.items():
            (item,) = tree.xpath(f'//li[contains(@class, "vetnet-scenarios__post")][.//form[@data-action="create_post"]'
                                 f'[contains(@data-extra, "{post_id}")]]')
            (reply,) = item.xpath('./article/details[substring(@id, string-length(@id) - 5) = "-reply"]/form')
            assert json.loads(reply.get("data-extra")) == {"thread_id": thread_id, "parent_id": post_id}
            (translate,) = item.xpath('./article/details/form[@data-action="translate"]')
            assert json.loads(translate.get("data-extra")) == {"kind": "post", "object_id": post_id}
            for label in item.xpath("./article//label[@for]"):
                assert len(tree.xpath(f'//*[@id="{label.get("for")}"]')) == 1, label.get("for")
            flag_forms = item.xpath('./article/details/form[@data-action="flag_post"]')
            if who is bob:
                assert (len(flag_forms), "Flagged by you" in item.text_content()) == (
                    (0, True) if post_id == flagged else (1, False))
            hide = item.xpath('./article/details/form[@data-action="moderate_post"]')
            assert len(hide) == (1 if who is staff else 0)
            if hide:
                assert json.loads(hide[0].get("data-extra")) == {"post_id": post_id, "hide": True}


def test_bad_input_gets_a_4xx_with_a_message(people):
    block, (alice, _bob, _carol), staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    act(staff, block, "rating_round", {"action": "open"})
    for name, payload in (
        ("rate", {"scenario_uuid": uuid, "plausibility": "high", "desirability": 3}),
        ("rate", {"scenario_uuid": "nope", "plausibility": 3, "desirability": 3}),
        ("create_post", {"thread_id": "x", "body": "hi"}),
        ("create_post", {"thread_id": 1, "body": ""}),
        ("propose", {"title": "", "narrative": ""}),
        ("rating_round", {"action": "explode"}),
        ("translate", {"kind": "poem", "object_id": 1, "language": "it", "body": "x"}),
    ):
        status, body, _r = act(alice, block, name, payload)
        assert 400 <= status < 500, (name, payload, status)
        assert body["error"]
    status, body, _r = call_handler(alice.runtime, alice.block(block), "rate", body="{not json")
    assert status == 400


class Published(list):
    def __call__(self, block, event_type, data):
        self.append((event_type, data))


def test_completion_by_rating_and_a_participation_grade(people, monkeypatch):
    block, (alice, _bob, _carol), staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    act(staff, block, "rating_round", {"action": "open"})
    block.has_score = True
    block.save()
    alice_block = alice.block(block)
    events = Published()
    monkeypatch.setattr(alice.runtime, "publish", events)
    call_handler(alice.runtime, alice_block, "rate", {"scenario_uuid": uuid, "plausibility": 3, "desirability": 4})
    assert ("completion", {"completion": 1.0}) in events
    # The grade event of XBlock's ScorableXBlockMixin, as the LMS's grades app reads it.
    assert ("grade", {"value": 1, "max_value": 3, "only_if_higher": None}) in events
    assert alice.block(block).get_score() == Score(raw_earned=1, raw_possible=3)
    reported = len(events)
    alice.block(block).student_view()
    call_handler(alice.runtime, alice.block(block), "rate", {"scenario_uuid": uuid, "plausibility": 4,
                                                              "desirability": 4})
    assert len(events) == reported, "what the platform already knows is not reported again"
    thread_id = api.list_scenarios(user=alice.user, course_key=COURSE_KEY,
                                   usage_key=str(block.scope_ids.usage_id))[0].thread_id
    call_handler(alice.runtime, alice.block(block), "create_post", {"thread_id": thread_id, "body": "Hello all"})
    assert events[reported:] == [("grade", {"value": 2, "max_value": 3, "only_if_higher": None})], \
        "taking part in the discussion earns the second point"


def test_the_participation_score_is_rescored_through_the_mixin(people, monkeypatch):
    block, (alice, _bob, _carol), staff = people
    uuid = uuid_of(staff, block, "Labour-market-driven VET")
    act(staff, block, "rating_round", {"action": "open"})
    block.has_score = True
    block.save()
    alice_block = alice.block(block)
    assert alice_block.max_score() == 3
    assert not alice_block.has_submitted_answer()
    call_handler(alice.runtime, alice_block, "rate", {"scenario_uuid": uuid, "plausibility": 3, "desirability": 4})
    events = Published()
    monkeypatch.setattr(alice.runtime, "publish", events)
    again = alice.block(block)
    assert again.has_submitted_answer()
    assert again.calculate_score() == Score(raw_earned=1, raw_possible=3)
    again.rescore(only_if_higher=True)
    assert events == [("grade", {"value": 1, "max_value": 3, "only_if_higher": True})]


def test_completion_by_posting_when_the_trainer_says_so(people, monkeypatch):
    block, (alice, _bob, _carol), _staff = people
    block.completion_rule = "posted"
    block.save()
    alice_block = alice.block(block)
    events = Published()
    monkeypatch.setattr(alice.runtime, "publish", events)
    alice_block.student_view()
    assert events == []
    thread_id = api.list_scenarios(user=alice.user, course_key=COURSE_KEY,
                                   usage_key=str(block.scope_ids.usage_id))[0].thread_id
    call_handler(alice.runtime, alice_block, "create_post", {"thread_id": thread_id, "body": "Hello all"})
    assert ("completion", {"completion": 1.0}) in events
    assert not any(kind == "grade" for kind, _data in events), "no grade unless the trainer enabled it"


@override_settings(VETNET_RATE_LIMITS={"post": [1, 300]})
def test_posting_too_fast_through_the_block_is_a_429(people):
    block, (alice, _bob, _carol), _staff = people
    thread_id = api.list_scenarios(user=alice.user, course_key=COURSE_KEY,
                                   usage_key=str(block.scope_ids.usage_id))[0].thread_id
    assert act(alice, block, "create_post", {"thread_id": thread_id, "body": "one"})[0] == 200
    status, body, _r = act(alice, block, "create_post", {"thread_id": thread_id, "body": "two"})
    assert status == 429 and "try again" in body["error"]


def test_language_filter_and_translations_beside_the_original(people):
    block, (alice, bob, _carol), _staff = people
    uuid = uuid_of(alice, block, "Modular crafts")
    act(bob, block, "translate", {"kind": "scenario", "object_id": uuid, "language": "el",
                                   "title": "Αρθρωτή βιοτεχνία", "body": "Σύντομες ψηφιακές ενότητες παντού."})
    html = page(alice, block, language="el")
    assert "Αρθρωτή βιοτεχνία" in html and "Short digital modules everywhere." in html
    assert "Labour-market-driven VET" not in html.split("vetnet-scenarios__list")[1]
    assert "Correct this translation" in html
    act(alice, block, "translate", {"kind": "scenario", "object_id": uuid, "language": "el",
                                     "title": "Αρθρωτή βιοτεχνία", "body": "Σύντομες ψηφιακές ενότητες σε κάθε τόπο."})
    html = page(alice, block, language="el")
    assert "ενότητες σε κάθε τόπο" in html and "corrected by" in html


def test_the_forum_page_keeps_a_query_budget(people, django_assert_max_num_queries):
    block, members, staff = people
    usage_key = str(block.scope_ids.usage_id)
    for scenario in api.list_scenarios(user=members[0].user, course_key=COURSE_KEY, usage_key=usage_key):
        for who in members:
            post = api.create_post(user=who.user, course_key=COURSE_KEY, thread_id=scenario.thread_id, body="Hello")
            api.create_post(user=who.user, course_key=COURSE_KEY, thread_id=scenario.thread_id, body="Re",
                            parent_id=post.id)
    # Two scenarios with six posts each: the cost grows with scenarios, not with posts.
    with django_assert_max_num_queries(40):
        page(members[0], block)


def _discuss_and_rate(block, members, staff, *, posts_each, round_number):
    """Posts with replies on every scenario, the members' own posts edited, and a closed round with rationales."""
    usage_key = str(block.scope_ids.usage_id)
    scenarios = api.list_scenarios(user=staff.user, course_key=COURSE_KEY, usage_key=usage_key)
    for scenario in scenarios:
        for who in members:
            for n in range(posts_each):
                post = api.create_post(user=who.user, course_key=COURSE_KEY, thread_id=scenario.thread_id,
                                       body=f"Point {n}")
                reply = api.create_post(user=staff.user, course_key=COURSE_KEY, thread_id=scenario.thread_id,
                                        body="Why?", parent_id=post.id)
                api.edit_post(user=who.user, course_key=COURSE_KEY, post_id=post.id, body=f"Point {n}, edited")
                api.edit_post(user=staff.user, course_key=COURSE_KEY, post_id=reply.id, body="Why so?")
                api.flag_post(user=members[0].user if who is not members[0] else members[1].user,
                              course_key=COURSE_KEY, post_id=post.id, reason="check")
    api.open_rating_round(user=staff.user, course_key=COURSE_KEY, usage_key=usage_key)
    for scenario in scenarios:
        for score, who in enumerate(members, start=1):
            api.rate_scenario(user=who.user, course_key=COURSE_KEY, usage_key=usage_key,
                              scenario_uuid=scenario.uuid, plausibility=score, desirability=score,
                              rationale=f"Round {round_number}, reason {score}")
    api.close_rating_round(user=staff.user, course_key=COURSE_KEY, usage_key=usage_key)


@override_settings(VETNET_RATE_LIMITS={"post": [10_000, 300], "flag": [10_000, 300], "scenario": [100, 300]})
def test_the_forum_page_reads_in_fixed_queries_with_edits_rationales_and_more_scenarios(
    people, django_assert_num_queries,
):
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    block, members, staff = people
    usage_key = str(block.scope_ids.usage_id)
    _discuss_and_rate(block, members, staff, posts_each=1, round_number=1)
    budgets = {}
    for who in (members[0], staff):
        with CaptureQueriesContext(connection) as captured:
            page(who, block)
        budgets[who] = len(captured)

    # Three more scenarios, four times the posts, every one edited, and a second round's rationales.
    for n in range(3):
        proposal = api.propose_scenario(user=members[n % 3].user, course_key=COURSE_KEY, usage_key=usage_key,
                                        title=f"Proposal {n}", narrative="A future.")
        api.moderate_scenario(user=staff.user, course_key=COURSE_KEY, usage_key=usage_key,
                              scenario_uuid=proposal.uuid, publish=True)
    _discuss_and_rate(block, members, staff, posts_each=4, round_number=2)
    for who in (members[0], staff):
        with django_assert_num_queries(budgets[who]):
            html = page(who, block)
        assert "Point 3, edited" in html and "Round 2, reason 2" in html and "Proposal 2" in html
    assert "Round 1, reason 1" not in page(members[0], block), "the latest closed round's rationales"


@override_settings(VETNET_PAGE_SIZE=2, VETNET_RATE_LIMITS={"post": [100, 300]})
def test_a_long_discussion_shows_its_latest_conversations_and_says_so(people):
    block, (alice, bob, _carol), _staff = people
    usage_key = str(block.scope_ids.usage_id)
    thread_id = api.list_scenarios(user=alice.user, course_key=COURSE_KEY, usage_key=usage_key)[0].thread_id
    for n in range(3):
        api.create_post(user=alice.user, course_key=COURSE_KEY, thread_id=thread_id, body=f"Conversation {n}")
    html = page(bob, block)
    assert "Conversation 1" in html and "Conversation 2" in html and "Conversation 0" not in html
    assert html.index("Conversation 1") < html.index("Conversation 2"), "shown oldest first"
    assert "The 2 most recent of 3 conversations are shown." in html


def _toggle(html, thread_id):
    pattern = '<button[^>]*data-discussion="' + re.escape(thread_id) + '"[^>]*>([^<]*)</button>'
    match = re.search(pattern, html)
    assert match, f"no toggle for {thread_id}"
    return match.group(0), match.group(1)


@override_settings(VETNET_RATE_LIMITS={"post": [100, 300]})
def test_a_discussion_shows_its_posts_once_the_member_opens_it(people):
    block, (alice, bob, _carol), _staff = people
    first, second = thread_ids(alice, block)
    for n in range(3):
        post = api.create_post(user=alice.user, course_key=COURSE_KEY, thread_id=first, body=f"First thread {n}")
    api.create_post(user=bob.user, course_key=COURSE_KEY, thread_id=first, body="A reply", parent_id=post.id)

    # The unit as it opens: counts and a button, no posts; the empty discussion invites the first post.
    unit = bob.block(block).student_view().body_html()
    assert "First thread" not in unit and "A reply" not in unit
    button, label = _toggle(unit, first)
    assert label == "Show the discussion (3 conversations)" and 'aria-expanded="false"' in button
    assert f'data-discussion="{second}"' not in unit, "nothing to open in an empty discussion"
    assert unit.count("No posts yet. Start the discussion.") == 1
    assert unit.count('-new-post"') == 1 and 'data-action="create_post"' in unit, "the empty discussion's form"

    opened = page(bob, block, open_threads=[first])
    assert all(f"First thread {n}" in opened for n in range(3)) and "A reply" in opened
    button, label = _toggle(opened, first)
    assert label == "Hide the discussion" and 'aria-expanded="true"' in button
    assert opened.count('-new-post"') == 2
    # An id the page does not show, or not an id at all, opens nothing and breaks nothing.
    for strange in (["00000000-0000-0000-0000-000000000000"], ["<b>"], "not-a-list", {"a": 1}, 7):
        assert "First thread" not in page(bob, block, open_threads=strange)
    # The same id written another way (capitals, no dashes) names the same discussion: it shows open, posts and all.
    for spelling in (first.upper(), first.replace("-", "")):
        again = page(bob, block, open_threads=[spelling])
        assert "First thread 0" in again and _toggle(again, first)[1] == "Hide the discussion"


@override_settings(VETNET_RATE_LIMITS={"post": [10_000, 300], "flag": [10_000, 300], "scenario": [100, 300]})
def test_the_unit_reads_no_posts_until_a_discussion_is_opened(people, django_assert_num_queries):
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    block, members, staff = people
    _discuss_and_rate(block, members, staff, posts_each=1, round_number=1)
    closed, opened = {}, {}
    for who in (members[0], staff):
        with CaptureQueriesContext(connection) as captured:
            page(who, block, open_threads=[])
        closed[who] = len(captured)
        with CaptureQueriesContext(connection) as captured:
            page(who, block)
        opened[who] = len(captured)
        assert closed[who] < opened[who], "the posts, their marks and their history are read for open ones only"
    _discuss_and_rate(block, members, staff, posts_each=4, round_number=2)
    for who in (members[0], staff):
        with django_assert_num_queries(closed[who]):
            html = page(who, block, open_threads=[])
        assert "Point 3, edited" not in html and "Show the discussion (15 conversations)" in html


def test_machine_translation_through_the_block_never_breaks_the_page(people, settings):
    import json  # pylint: disable=import-outside-toplevel
    import threading  # pylint: disable=import-outside-toplevel
    from http.server import BaseHTTPRequestHandler, HTTPServer  # pylint: disable=import-outside-toplevel

    class Provider(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server protocol
            payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            body = json.dumps({"translatedText": f"({payload['target']}) {payload['q']}"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    block, (alice, _bob, _carol), _staff = people
    assert "Or ask for a machine translation" not in page(alice, block), "off by default"
    server = HTTPServer(("127.0.0.1", 0), Provider)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.VETNET_MACHINE_TRANSLATION = {"URL": f"http://127.0.0.1:{server.server_address[1]}/translate"}
        assert "Or ask for a machine translation" in page(alice, block)
        uuid = uuid_of(alice, block, "Modular crafts")
        status, body, _r = act(alice, block, "machine_translate", {"kind": "scenario", "object_id": uuid,
                                                                    "language": "it"})
        assert status == 200 and body["message"] == "A machine translation was added."
        assert "(it) Short digital modules everywhere." in page(alice, block)
    finally:
        server.shutdown()
        server.server_close()
    settings.VETNET_MACHINE_TRANSLATION = {"URL": "http://127.0.0.1:9/translate", "TIMEOUT": 0.5}
    status, body, _r = act(alice, block, "machine_translate", {"kind": "scenario", "object_id": uuid,
                                                                "language": "es"})
    assert status == 200 and "original is shown" in body["message"]
    assert "Modular crafts" in page(alice, block)


def _rate_and_close(block, members, staff, uuid, scores):
    assert act(staff, block, "rating_round", {"action": "open"})[0] == 200
    for who, score in zip(members, scores, strict=False):
        assert act(who, block, "rate", {"scenario_uuid": uuid, "plausibility": score, "desirability": score})[0] == 200
    status, body, _r = act(staff, block, "rating_round", {"action": "close", "confirmed": True})
    assert status == 200, body


@pytest.mark.parametrize("language, text", [("el", "Χρειαζόμαστε σύντομα ψηφιακά μαθήματα για τους τεχνίτες."),
                                            ("ca", "Necessitem cursos digitals curts per als artesans de la zona.")])
def test_a_language_filter_keeps_the_posts_in_it_their_scenario_and_the_chart(people, language, text):
    block, members, staff = people
    uuid = uuid_of(staff, block, "Modular crafts")
    _rate_and_close(block, members, staff, uuid, [2, 3, 4])
    thread_id = next(s.thread_id for s in api.list_scenarios(user=members[0].user, course_key=COURSE_KEY,
                                                             usage_key=str(block.scope_ids.usage_id))
                     if s.uuid == uuid)
    assert act(members[1], block, "create_post", {"thread_id": thread_id, "body": text, "language": language})[0] == 200
    assert act(members[2], block, "create_post", {"thread_id": thread_id, "body": "An English aside.",
                                                  "language": "en"})[0] == 200

    html = page(members[0], block, language=language)
    listed = html.split("vetnet-scenarios__list")[1]
    assert "Modular crafts" in listed and text in listed, "the post in the chosen language and its scenario show"
    assert "shown because posts below are in that language" in listed
    assert "An English aside." not in listed
    assert "Labour-market-driven VET" not in listed, "a scenario with nothing in that language stays out"
    assert "<svg" in html and "appears when a round closes" not in html, "the closed round's chart stays"
    assert "2. Modular crafts" in html, "scenarios keep their numbers under a filter"


def test_staff_grant_and_revoke_the_policy_brief_in_the_forum(people):
    block, (alice, bob, _carol), staff = people
    api.update_member_profile(user_id=alice.user.id, changes={"organisation_type": "policy_maker"})
    assert "policy-brief" not in page(alice, block), "a self-described policy maker gets no brief"
    assert "Who may read the policy brief" not in page(alice, block)
    assert act(alice, block, "policy_role", {"action": "grant", "user_id": bob.user.id})[0] == 403

    staff_page = page(staff, block)
    assert "Who may read the policy brief" in staff_page and f'<option value="{alice.user.id}"' in staff_page
    status, body, _r = act(staff, block, "policy_role", {"action": "grant", "user_id": str(alice.user.id)})
    assert status == 200 and "may now read the policy brief" in body["message"]
    assert "policy-brief" in page(alice, block)
    assert f"granted by {staff.user.get_full_name()}" in page(staff, block)

    assert act(staff, block, "policy_role", {"action": "revoke", "user_id": alice.user.id})[0] == 200
    assert "policy-brief" not in page(alice, block)
    assert act(staff, block, "policy_role", {"action": "dance"})[0] == 400


def test_closing_a_round_asks_for_confirmation(people):
    block, members, staff = people
    assert act(staff, block, "rating_round", {"action": "open"})[0] == 200
    html = page(staff, block)
    assert 'data-payload=\'{"action": "close"}\'' not in html, "no single click closes a round"
    assert "Yes, close round 1" in html and "cannot be reopened" in html
    status, body, _r = act(staff, block, "rating_round", {"action": "close"})
    assert status == 400 and "cannot be reopened" in body["error"]
    assert 'data-action="rate"' in page(members[0], block), "the round is still open"
    assert act(staff, block, "rating_round", {"action": "close", "confirmed": True})[0] == 200


@override_settings(VETNET_RATE_LIMITS={"scenario": [10, 3600], "rating": [200, 3600]})
def test_a_scenario_approved_after_the_last_round_gets_rounds_of_its_own(people):
    block, members, staff = people
    first = uuid_of(staff, block, "Labour-market-driven VET")
    for scores in ([1, 3, 5], [2, 3, 5]):
        _rate_and_close(block, members, staff, first, scores)
    assert "Open round 3" not in page(staff, block) and "All 2 rounds are closed" in page(staff, block)

    act(members[0], block, "propose", {"title": "Late idea", "narrative": "Arrived after the rounds.", "language": "en"})
    late = uuid_of(staff, block, "Late idea")
    assert act(staff, block, "moderate_scenario", {"scenario_uuid": late, "publish": True})[0] == 200
    staff_page = page(staff, block)
    assert "Open round 3" in staff_page and "a further round is for it alone" in staff_page
    assert act(staff, block, "rating_round", {"action": "open"})[0] == 200
    html = page(members[1], block)
    assert f'data-extra=\'{{"scenario_uuid": "{late}"}}\'' in html, "the late scenario can be rated"
    assert f'data-extra=\'{{"scenario_uuid": "{first}"}}\' id' not in html
    assert "has had all its rating rounds" in html
    status, body, _r = act(members[1], block, "rate", {"scenario_uuid": first, "plausibility": 3, "desirability": 3})
    assert status == 400 and "all its rating rounds" in body["error"]
    for who, score in zip(members, [1, 2, 4], strict=False):
        assert act(who, block, "rate", {"scenario_uuid": late, "plausibility": score, "desirability": score})[0] == 200
    assert act(staff, block, "rating_round", {"action": "close", "confirmed": True})[0] == 200
    assert act(staff, block, "rating_round", {"action": "open"})[0] == 200, "the late scenario's second round"
    assert act(staff, block, "rating_round", {"action": "close", "confirmed": True})[0] == 200
    assert act(staff, block, "rating_round", {"action": "open"})[0] == 409, "every scenario had its two rounds"


def test_a_discussion_read_again_shows_every_change_and_renders_only_the_posts_that_changed(people, monkeypatch):
    """Posts' HTML is kept by what it is rendered from: a page read again is never stale, nor another's."""
    from django.utils import formats, timezone, translation  # pylint: disable=import-outside-toplevel

    from vetnet_xblocks.scenarios import page as forum_page  # pylint: disable=import-outside-toplevel

    block, (alice, bob, carol), staff = people
    first = thread_ids(alice, block)[0]
    post = api.create_post(user=alice.user, course_key=COURSE_KEY, thread_id=first, body="Short *modules* work.")
    reply = api.create_post(user=bob.user, course_key=COURSE_KEY, thread_id=first, body="In crafts too.",
                            parent_id=post.id)
    rendered = []
    real = forum_page._post_html  # pylint: disable=protected-access

    def counting(page_, post_, replies, revisions):
        rendered.append(post_.body)
        return real(page_, post_, replies, revisions)

    monkeypatch.setattr(forum_page, "_post_html", counting)

    def read(who, **kwargs):
        rendered.clear()
        return page(who, block, open_threads=[first], **kwargs)

    before = read(carol)
    assert "In crafts too." in before and "1 support" not in before
    assert read(carol) == before and rendered == [], "an unchanged discussion renders no post again"

    # An edit of the reply: its new text and history, in it and in the conversation that holds it.
    api.edit_post(user=bob.user, course_key=COURSE_KEY, post_id=reply.id, body="In crafts and in shops.")
    edited = read(carol)
    assert "In crafts and in shops." in edited and "In crafts too." in edited and "Edit history" in edited
    assert sorted(rendered) == ["In crafts and in shops.", "Short *modules* work."]

    # A vote shows its count to everyone, and as pressed to the voter alone.
    assert act(alice, block, "vote_post", {"post_id": reply.id, "vote": True})[0] == 200
    assert "1 support" in read(carol) and 'aria-pressed="true"' not in read(carol)
    assert 'aria-pressed="true"' in read(alice)

    # What each member may do is theirs: the author's edit form, the moderator's hide form.
    edit_label = "Your text (the earlier version stays in the history)"
    assert edit_label in read(bob) and edit_label not in read(carol)
    assert "Hide (moderator)" in read(staff) and "Hide (moderator)" not in read(carol)

    # Another language: the same posts with that language's dates (and labels, where the block has a catalog).
    def written(language):
        with translation.override(language):
            return formats.date_format(timezone.localtime(post.created), "DATETIME_FORMAT")

    assert written("it") != written("en")
    with translation.override("it"):
        italian = read(carol)
    assert written("it") in italian and written("en") not in italian
    english = read(carol)
    assert written("en") in english and written("it") not in english
