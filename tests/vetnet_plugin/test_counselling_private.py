"""
Private circles: a case only its owner, the advisers invited and course staff
see. It never leaks: not in the queue, the case page, the suggestions, the
discussion core's own threads, posts, votes, translations and follows, nor
through REST.
"""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, member
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.exceptions import InvalidInput, NotFound

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db(transaction=True)

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"


@pytest.fixture
def circle():
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS, allow_private=True)
    owner, adviser, outsider = member(), member(), member()
    case = open_case(owner, title="Confidential dismissal of an apprentice", private=True,
                     problem="An apprentice in our bakery workshop must leave; how do we tell the school?",
                     advisers=[adviser.username])
    answer = api.answer_case(user=adviser, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                             body="Talk to the school's tutor first, in person.")
    return {"owner": owner, "adviser": adviser, "outsider": outsider, "case": case, "answer": answer}


def test_the_owner_the_advisers_and_staff_see_a_private_case(circle):
    case = circle["case"]
    for who in (circle["owner"], circle["adviser"], staff_user()):
        shown = api.get_case_page(user=who, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid)
        assert shown.case.summary.is_private
        assert [p.body for p in shown.thread.posts] == ["Talk to the school's tutor first, in person."]
    owners_view = api.get_case(user=circle["owner"], course_key=COURSE_KEY, usage_key=USAGE_KEY,
                               case_uuid=case.summary.uuid)
    assert len(owners_view.adviser_names) == 1


def test_a_private_case_is_not_found_by_anyone_else_anywhere(circle):
    outsider, case, answer = circle["outsider"], circle["case"], circle["answer"]
    where = {"user": outsider, "course_key": COURSE_KEY, "usage_key": USAGE_KEY, "case_uuid": case.summary.uuid}
    assert api.list_cases(user=outsider, course_key=COURSE_KEY, usage_key=USAGE_KEY).count == 0
    assert api.similar_cases(user=outsider, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                             text="dismissal apprentice bakery workshop", topics=["apprenticeships"]) == ()
    for call in (lambda: api.get_case_page(**where), lambda: api.get_case(**where),
                 lambda: api.answer_case(**where, body="Let me in."),
                 lambda: api.vote_case_post(**where, post_id=answer.id),
                 lambda: api.accept_answer(**where, post_id=answer.id)):
        with pytest.raises(NotFound):
            call()
    # The discussion core's own doors are shut too: the thread id and the post id lead nowhere.
    thread_id = case.thread_id
    for call in (
        lambda: api.get_thread(user=outsider, course_key=COURSE_KEY, thread_id=thread_id),
        lambda: api.create_post(user=outsider, course_key=COURSE_KEY, thread_id=thread_id, body="Hi"),
        lambda: api.follow_thread(user=outsider, course_key=COURSE_KEY, thread_id=thread_id),
        lambda: api.vote_post(user=outsider, course_key=COURSE_KEY, post_id=answer.id),
        lambda: api.flag_post(user=outsider, course_key=COURSE_KEY, post_id=answer.id, reason="x"),
        lambda: api.list_post_revisions(user=outsider, course_key=COURSE_KEY, post_id=answer.id),
        lambda: api.edit_post(user=outsider, course_key=COURSE_KEY, post_id=answer.id, body="Mine"),
        lambda: api.machine_translate(user=outsider, course_key=COURSE_KEY, kind=api.POST_TRANSLATION,
                                      object_id=answer.id, language="it"),
        lambda: api.contribute_translation(user=outsider, course_key=COURSE_KEY, kind=api.POST_TRANSLATION,
                                           object_id=answer.id, language="it", body="Parla col tutor."),
    ):
        with pytest.raises(NotFound):
            call()
    assert api.get_threads(user=outsider, course_key=COURSE_KEY, thread_ids=[thread_id]) == {}
    assert api.post_revisions(user=outsider, course_key=COURSE_KEY, post_ids=[answer.id]) == {}


def test_a_private_case_never_leaks_through_rest(circle):
    client = APIClient()
    client.force_authenticate(circle["outsider"])
    case, answer = circle["case"], circle["answer"]
    assert client.get(f"{DESK}/cases/").json()["count"] == 0
    assert client.get(f"{DESK}/cases/{case.summary.uuid}/").status_code == 404
    found = client.post(f"{DESK}/similar/", {"text": "dismissal apprentice bakery"}, format="json").json()
    assert found["results"] == []
    base = f"/api/vetnet/v1/courses/{COURSE_KEY}"
    for response in (client.get(f"{base}/threads/{case.thread_id}/"),
                     client.post(f"{base}/threads/{case.thread_id}/posts/", {"body": "Hi"}, format="json"),
                     client.put(f"{base}/posts/{answer.id}/vote/")):
        assert response.status_code == 404, response.content
        assert b"bakery" not in response.content and b"tutor" not in response.content


def test_private_circles_need_the_trainers_permission_and_members_as_advisers():
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS)
    with pytest.raises(InvalidInput) as refused:
        open_case(member(), private=True)
    assert "private" in refused.value.errors
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS, allow_private=True)
    with pytest.raises(InvalidInput) as refused:
        open_case(member(), private=True, advisers=["nobody-of-this-course"])
    assert "advisers" in refused.value.errors
    assert api.list_cases(user=staff_user(), course_key=COURSE_KEY, usage_key=USAGE_KEY).count == 0


def test_an_open_case_stays_readable_through_the_discussion_core(circle):
    open_one = open_case(member(), title="Open to all")
    seen = api.get_thread(user=circle["outsider"], course_key=COURSE_KEY, thread_id=open_one.thread_id)
    assert seen.id == open_one.thread_id
