"""Similar cases shown while a member writes: from the text and the tags, solved ones first, at most five."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import COURSE_KEY, member, new_request
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from .counselling_helpers import TOPICS, USAGE_KEY, configure_desk, open_case

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def desk():
    return configure_desk()


def similar(user, text="", topics=(), **extra):
    return api.similar_cases(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, text=text, topics=list(topics),
                             **extra)


def solve(case, owner):
    post = api.answer_case(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                           body="Share one apprentice among three workshops.")
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                      post_id=post.id)


def test_cases_sharing_words_are_suggested_solved_ones_first():
    owner = member()
    open_case(member(), title="Carpentry workshops refuse apprentices", topics=())
    solved = open_case(owner, title="Workshops and apprentices: a solved case", topics=())
    solve(solved, owner)
    open_case(member(), title="Funding for a digital lab", problem="We need an Erasmus budget.", topics=())
    found = similar(member(), text="Our carpentry workshops refuse to train apprentices")
    titles = [s.case.title for s in found]
    assert titles[0] == "Workshops and apprentices: a solved case"
    assert "Carpentry workshops refuse apprentices" in titles
    assert "Funding for a digital lab" not in titles
    assert found[0].case.status == "solved"


def test_a_case_in_another_language_is_found_through_its_tags():
    open_case(member(), title="Le imprese non prendono apprendisti", language="it",
              problem="Le botteghe artigiane dicono che un apprendista costa troppo.", topics=["apprenticeships"])
    found = similar(member(), text="Small firms will not take our learners", topics=["apprenticeships"])
    assert [s.case.title for s in found] == ["Le imprese non prendono apprendisti"]
    assert found[0].shared_topics == ("apprenticeships",)


def test_at_most_five_cases_are_suggested_and_the_open_case_is_left_out():
    cases = [open_case(member(), title=f"Apprentices case {n}", topics=["apprenticeships"]) for n in range(7)]
    found = similar(member(), text="apprentices", topics=["apprenticeships"])
    assert len(found) == 5
    leaving_out = similar(member(), text="apprentices", topics=["apprenticeships"], exclude_case=cases[-1].summary.uuid)
    assert cases[-1].summary.uuid not in [s.case.uuid for s in leaving_out]


def test_nothing_is_suggested_for_an_empty_draft_and_bad_input_is_refused():
    open_case(member())
    assert similar(member(), text="  ") == ()
    assert similar(member(), topics=["not-a-topic"]) == ()
    with pytest.raises(InvalidInput):
        api.similar_cases(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, text=["a"], topics=[])
    with pytest.raises(InvalidInput):
        api.similar_cases(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, text="a", topics=[1])


def test_outsiders_get_no_suggestions():
    from tests.factories import UserFactory  # pylint: disable=import-outside-toplevel

    open_case(member())
    with pytest.raises(AccessDenied):
        similar(UserFactory(), text="apprentices")


def test_retired_cases_are_never_suggested():
    owner = member()
    open_case(owner, title="Apprentices wanted")
    api.retire_member(user_id=owner.id)
    assert similar(member(), text="apprentices wanted", topics=["apprenticeships"]) == ()


# A block larger than the sample of newest cases: the draft's rare words are searched in the index,
# the common ones are left to the sample (here four cases stand for the two hundred newest).
@pytest.fixture
def small_sample(monkeypatch):
    from vetnet_plugin.counselling import similar as module  # pylint: disable=import-outside-toplevel

    monkeypatch.setattr(module, "SAMPLE", 4)
    monkeypatch.setattr(module, "RARE_SHARE", 0.25)


def _common(n):
    return open_case(member(), title=f"Workshop apprentices question {n}",
                     problem="Our workshop has apprentices and a trainer.", topics=())


def test_an_old_case_with_a_rare_word_of_the_draft_is_found_past_the_sample(small_sample):
    old = open_case(member(), title="Welding certificate for apprentices", topics=(),
                    problem="The chamber does not recognise our welding certificate.")
    for n in range(6):
        _common(n)
    found = similar(member(), text="Our apprentices in the workshop need a welding certificate")
    titles = [s.case.title for s in found]
    assert titles[0] == old.summary.title
    assert len(titles) == 5


def test_suggestions_from_tags_alone_reach_past_the_sample(small_sample):
    tagged = open_case(member(), title="Funding for mobility", problem="Budget rules.", topics=["eu-funding"])
    for n in range(6):
        _common(n)
    found = similar(member(), topics=["eu-funding"])
    assert [s.case.title for s in found] == [tagged.summary.title]
    assert found[0].shared_topics == ("eu-funding",)


def test_a_case_in_another_language_is_found_through_its_tags_past_the_sample(small_sample):
    italian = open_case(member(), title="Le imprese non prendono apprendisti", language="it",
                        problem="Le botteghe artigiane dicono che un apprendista costa troppo.", topics=["dropout"])
    for n in range(6):
        _common(n)
    found = similar(member(), text="Small firms will not take our learners", topics=["dropout"])
    assert [s.case.title for s in found] == [italian.summary.title]


def test_a_private_case_is_never_suggested_even_for_its_rarest_word(small_sample):
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Peer counselling",
                                   topics=TOPICS, allow_private=True)
    open_case(member(), title="Confidential dismissal", private=True, topics=["dropout"],
              problem="A zymurgy apprentice must leave.")
    for n in range(6):
        _common(n)
    found = similar(member(), text="zymurgy dismissal", topics=["dropout"])
    assert found == ()


def _queries(function) -> int:
    new_request()
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def test_suggestions_cost_the_same_queries_with_more_cases(small_sample):
    viewer = member()
    draft = {"text": "Our apprentices need a welding certificate", "topics": ["apprenticeships", "dropout"]}
    for n in range(5):
        _common(n)
    few = _queries(lambda: similar(viewer, **draft))
    for n in range(8):
        open_case(member(), title=f"Welding apprentices {n}", topics=["apprenticeships", "dropout"])
        _common(n)
    assert _queries(lambda: similar(viewer, **draft)) == few
    assert few <= 10
