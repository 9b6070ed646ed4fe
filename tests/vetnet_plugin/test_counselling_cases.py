"""Peer counselling: opening a case with its intake, answering, voting, accepting answers, the queue."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member, new_request
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, RateLimited

from .counselling_helpers import USAGE_KEY, configure_desk, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def desk():
    return configure_desk()


def page(user, **filters):
    return api.list_cases(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, **filters)


def answer(user, case, body="Offer the firm a trainer who visits every week.", **extra):
    return api.answer_case(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                           body=body, **extra)


def case_page(user, case, **extra):
    return api.get_case_page(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                             **extra)


def test_a_member_opens_a_case_with_the_structured_intake():
    owner = member()
    case = open_case(owner, already_tried="We phoned the chamber of crafts.", outcome_wanted="Five placements.",
                     organisation_type="vet_provider", country="it", sector="wood_furniture",
                     topics=["apprenticeships", "dropout"])
    seen = api.get_case(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid)
    assert seen.summary.title == "Small firms will not take apprentices"
    assert seen.already_tried == "We phoned the chamber of crafts."
    assert seen.outcome_wanted == "Five placements."
    assert (seen.summary.country, seen.summary.sector, seen.summary.organisation_type) == (
        "IT", "wood_furniture", "vet_provider")
    assert [t.label for t in seen.summary.topics] == ["Finding companies for apprenticeships",
                                                      "Early leaving from VET"]
    assert seen.summary.status == "open" and not seen.can_accept


def test_the_language_of_a_case_is_detected_when_not_given():
    case = open_case(member(), title="Le piccole imprese non prendono apprendisti",
                     problem="Le botteghe artigiane della nostra regione dicono che un apprendista costa troppo "
                             "tempo e non hanno nessuno che possa seguirlo durante la settimana.")
    assert case.summary.language == "it"
    given = open_case(member(), language="es")
    assert given.summary.language == "es"


def test_a_case_without_a_problem_or_with_unknown_choices_is_refused_field_by_field():
    with pytest.raises(InvalidInput) as error:
        api.open_case(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, title=" ", problem="",
                      sector="space", country="XX", organisation_type=5, topics=["not-a-topic"])
    assert set(error.value.errors) == {"title", "problem", "sector", "country", "organisation_type", "topics"}
    assert page(member()).count == 0


def test_only_members_of_the_course_open_and_read_cases():
    case = open_case(member())
    outsider = UserFactory()
    with pytest.raises(AccessDenied):
        open_case(outsider)
    with pytest.raises(AccessDenied):
        page(outsider)
    with pytest.raises(AccessDenied):
        case_page(outsider, case)


def test_a_case_of_another_course_is_not_found_here():
    configure_desk(course_key=OTHER_COURSE_KEY)
    elsewhere = open_case(member(OTHER_COURSE_KEY), course_key=OTHER_COURSE_KEY)
    with pytest.raises(NotFound):
        case_page(member(), elsewhere)


def test_advisers_answer_and_comment_and_the_owner_clarifies_in_comments():
    owner, adviser = member(), member()
    case = open_case(owner)
    first = answer(adviser, case)
    api.answer_case(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                    body="We have no trainer to spare.", parent_id=first.id)
    with pytest.raises(InvalidInput):
        answer(owner, case, body="I answer myself.")
    shown = case_page(member(), case)
    assert [p.body for p in shown.thread.posts] == ["Offer the firm a trainer who visits every week."]
    assert [r.body for r in shown.thread.posts[0].replies] == ["We have no trainer to spare."]
    assert shown.case.summary.answer_count == 1
    assert shown.case.summary.hours_to_first_answer is not None


def test_a_comment_on_a_post_of_another_thread_is_refused():
    case, other = open_case(member()), open_case(member(), title="Other")
    stranger_post = answer(member(), other)
    with pytest.raises(NotFound):
        answer(member(), case, body="Misplaced.", parent_id=stranger_post.id)


def test_answers_are_voted_through_the_discussion_core():
    case = open_case(member())
    post = answer(member(), case)
    voter = member()
    assert api.vote_post(user=voter, course_key=COURSE_KEY, post_id=post.id) == 1
    assert case_page(voter, case, order="votes").thread.posts[0].voted_by_me


def test_the_owner_accepts_several_answers_and_the_case_is_solved():
    owner = member()
    case = open_case(owner)
    one, two = answer(member(), case), answer(member(), case, body="Share one apprentice among three firms.")
    accepted = api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                 case_uuid=case.summary.uuid, post_id=one.id)
    accepted = api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                 case_uuid=case.summary.uuid, post_id=two.id)
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                      post_id=two.id)
    assert set(accepted.accepted_answer_ids) == {one.id, two.id}
    assert accepted.summary.status == "solved" and accepted.summary.accepted_count == 2
    back = api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                             post_id=one.id, accepted=False)
    back = api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                             post_id=two.id, accepted=False)
    assert back.summary.status == "open" and back.accepted_answer_ids == ()


def test_only_the_owner_or_staff_accept_and_only_answers_of_the_case():
    owner = member()
    case = open_case(owner)
    post = answer(member(), case)
    with pytest.raises(AccessDenied):
        api.accept_answer(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY,
                          case_uuid=case.summary.uuid, post_id=post.id)
    staff = staff_user()
    assert api.accept_answer(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                             post_id=post.id).summary.status == "solved"
    comment = api.answer_case(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                              body="Thanks", parent_id=post.id)
    other_answer = answer(member(), open_case(member(), title="Other"))
    for post_id in (comment.id, other_answer.id, "not-a-uuid"):
        with pytest.raises(NotFound):
            api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                              case_uuid=case.summary.uuid, post_id=post_id)


def test_the_queue_puts_unsolved_and_unanswered_cases_first():
    owner = member()
    solved = open_case(owner, title="Solved")
    helped = answer(member(), solved)
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=solved.summary.uuid,
                      post_id=helped.id)
    answered = open_case(member(), title="Answered")
    answer(member(), answered)
    open_case(member(), title="Waiting")
    assert [c.title for c in page(member()).items] == ["Waiting", "Answered", "Solved"]
    assert [c.title for c in page(member(), state="unanswered").items] == ["Waiting"]
    assert [c.title for c in page(member(), state="solved").items] == ["Solved"]


def test_the_queue_filters_by_topic_sector_country_and_language():
    open_case(member(), title="Funding", topics=["eu-funding"], sector="ict", country="GR", language="el")
    open_case(member(), title="Apprentices", topics=["apprenticeships"], sector="wood_furniture", country="IT",
              language="it")
    viewer = member()
    assert [c.title for c in page(viewer, topic="eu-funding").items] == ["Funding"]
    assert [c.title for c in page(viewer, sector="wood_furniture").items] == ["Apprentices"]
    assert [c.title for c in page(viewer, country="gr").items] == ["Funding"]
    assert [c.title for c in page(viewer, language="it").items] == ["Apprentices"]
    with pytest.raises(InvalidInput):
        page(viewer, state="everything")


def test_the_queue_is_paginated_in_the_database():
    for number in range(5):
        open_case(member(), title=f"Case {number}")
    first = page(member(), page_size=2)
    assert (first.count, first.num_pages, len(first.items)) == (5, 3, 2)
    with pytest.raises(NotFound):
        page(member(), page=4, page_size=2)


def _queries(function) -> int:
    new_request()  # each read is a request of its own
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def test_the_queue_costs_the_same_queries_with_more_cases_and_answers():
    viewer = member()
    open_case(member(), topics=["apprenticeships", "dropout"])
    few = _queries(lambda: page(viewer))
    for number in range(6):
        case = open_case(member(), title=f"Case {number}", topics=["eu-funding", "dropout"])
        answer(member(), case)
        answer(member(), case)
    assert _queries(lambda: page(viewer)) == few
    assert few <= 8


def test_the_case_page_costs_the_same_queries_with_more_answers_and_comments():
    owner, viewer = member(), member()
    case = open_case(owner)
    first = answer(member(), case)
    few = _queries(lambda: case_page(viewer, case))
    for _number in range(5):
        post = answer(member(), case)
        api.answer_case(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                        body="Thank you", parent_id=post.id)
        api.vote_post(user=viewer, course_key=COURSE_KEY, post_id=post.id)
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                      post_id=first.id)
    assert _queries(lambda: case_page(viewer, case)) == few
    # With the anonymity check of the thread's authors, their reputation (accepted answers, up-votes) and the
    # case's translations.
    assert few <= 20


def test_opening_cases_too_fast_is_rate_limited(settings):
    settings.VETNET_RATE_LIMITS = {"counselling_case": [2, 3600]}
    owner = member()
    open_case(owner)
    open_case(owner)
    with pytest.raises(RateLimited):
        open_case(owner)


def test_case_text_is_sanitized_when_shown():
    case = open_case(member(), problem="<script>alert(1)</script> **Firms** [x](javascript:alert(1))")
    assert "<script>" not in case.problem_html and "javascript:" not in case.problem_html
    assert "<strong>Firms</strong>" in case.problem_html


def test_retirement_erases_the_owners_cases_and_keeps_the_answers():
    owner, adviser = member(), member()
    case = open_case(owner, country="IT")
    post = answer(adviser, case)
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                      post_id=post.id)
    api.retire_member(user_id=owner.id)
    api.retire_member(user_id=owner.id)
    assert page(adviser).count == 0
    with pytest.raises(NotFound):
        case_page(adviser, case)
    from vetnet_plugin.models import AcceptedAnswer, CounsellingCase  # pylint: disable=import-outside-toplevel

    row = CounsellingCase.objects.get(uuid=case.summary.uuid)
    assert (row.owner_id, row.title, row.problem, row.country, row.search_text) == (None, "", "", "", "")
    assert AcceptedAnswer.objects.get(case=row).accepted_by_id is None
    thread = api.get_thread(user=adviser, course_key=COURSE_KEY, thread_id=case.thread_id)
    assert thread.posts[0].body == "Offer the firm a trainer who visits every week."


def test_a_long_queue_is_counted_up_to_the_limit(monkeypatch):
    from vetnet_plugin.counselling import cases as module  # pylint: disable=import-outside-toplevel

    monkeypatch.setattr(module, "QUEUE_COUNT_LIMIT", 3)
    for number in range(5):
        open_case(member(), title=f"Case {number}")
    first = page(member(), page_size=2)
    assert (first.count, first.extra["count_capped"], len(first.items)) == (3, True, 2)
    monkeypatch.setattr(module, "QUEUE_COUNT_LIMIT", 10)
    assert (page(member()).count, page(member()).extra["count_capped"]) == (5, False)
