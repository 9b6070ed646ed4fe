"""
Anonymous-to-peers cases: other members never learn who asked, not in the
queue, the case, its thread (the discussion core's own doors too), the
suggestions, REST, digests or the routing e-mails; the owner and course
staff still see the name. The trainer decides whether members may.
"""
import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, member
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.counselling.models import CounsellingCase
from vetnet_plugin.exceptions import InvalidInput

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"


def names_of(user) -> list[str]:
    return [user.username, user.get_full_name(), user.email]


def assert_unnamed(text: str, user):
    for name in names_of(user):
        assert name and name not in text, name


@pytest.fixture
def anonymous_case():
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS, allow_anonymous=True,
                                   routing_enabled=False)
    owner, adviser, peer = member(), member(), member()
    case = open_case(owner, title="Our director blocks every apprenticeship", anonymous=True,
                     problem="Our director refuses apprentices in the carpentry workshop.")
    where = {"course_key": COURSE_KEY, "usage_key": USAGE_KEY, "case_uuid": case.summary.uuid}
    answer = api.answer_case(user=adviser, **where, body="Show the director what a placement costs.")
    api.answer_case(user=owner, **where, body="He says it costs too much time.", parent_id=answer.id)
    return {"owner": owner, "adviser": adviser, "peer": peer, "case": case, "answer": answer, "where": where}


def test_an_anonymous_case_needs_the_trainers_consent_and_a_yes_or_no():
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS)
    with pytest.raises(InvalidInput) as refused:
        open_case(member(), anonymous=True)
    assert "anonymous" in refused.value.errors
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS, allow_anonymous=True)
    for hostile in ("yes", 1, None, ["true"]):
        with pytest.raises(InvalidInput) as refused:
            open_case(member(), anonymous=hostile)
        assert "anonymous" in refused.value.errors
    assert CounsellingCase.objects.count() == 0


def test_peers_never_see_who_asked_but_the_owner_and_staff_do(anonymous_case):
    owner, peer, where = anonymous_case["owner"], anonymous_case["peer"], anonymous_case["where"]
    for who in (peer, anonymous_case["adviser"]):
        summary = api.list_cases(user=who, course_key=COURSE_KEY, usage_key=USAGE_KEY).items[0]
        assert summary.is_anonymous and summary.owner_name == ""
        shown = api.get_case_page(user=who, **where)
        assert shown.case.owner_id is None and shown.case.summary.owner_name == ""
        comment = shown.thread.posts[0].replies[0]
        assert comment.author_id is None and comment.author_name == "" and not comment.is_own
        assert owner.id not in {r.user_id for r in shown.reputations}
        found = api.similar_cases(user=who, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                  text="director apprenticeship carpentry", topics=["apprenticeships"])
        assert found and all(s.case.owner_name == "" for s in found)
        # The discussion core's own doors: the thread and a single post.
        thread = api.get_thread(user=who, course_key=COURSE_KEY, thread_id=shown.case.thread_id)
        assert thread.posts[0].replies[0].author_name == ""
        assert_unnamed(repr(shown) + repr(thread) + repr(summary), owner)
    for who in (owner, staff_user()):
        shown = api.get_case_page(user=who, **where)
        assert shown.case.owner_id == owner.id and shown.case.summary.owner_name
        assert shown.thread.posts[0].replies[0].author_id == owner.id


def test_rest_payloads_of_an_anonymous_case_carry_no_trace_of_the_owner(anonymous_case):
    owner, peer, case = anonymous_case["owner"], anonymous_case["peer"], anonymous_case["case"]
    client = APIClient()
    client.force_authenticate(peer)
    bodies = [
        client.get(f"{DESK}/cases/"),
        client.get(f"{DESK}/cases/{case.summary.uuid}/"),
        client.post(f"{DESK}/similar/", {"text": "director apprenticeship", "topics": ["apprenticeships"]},
                    format="json"),
        client.get(f"/api/vetnet/v1/courses/{COURSE_KEY}/threads/{case.thread_id}/"),
    ]
    for response in bodies:
        assert response.status_code == 200, response.content
    assert "He says it costs too much time." in bodies[3].content.decode()
    text = b"".join(r.content for r in bodies).decode()
    assert_unnamed(text, owner)
    page = bodies[1].json()
    assert page["case"]["owner_id"] is None and page["case"]["summary"]["is_anonymous"] is True
    assert f'"author_id": {owner.id}' not in json.dumps(page)
    # The owner's own comment answers with the owner's view (their own name), not a peer's.
    client.force_authenticate(owner)
    mine = client.get(f"{DESK}/cases/{case.summary.uuid}/").json()
    assert mine["case"]["owner_id"] == owner.id and mine["case"]["summary"]["is_own"] is True


def test_a_peers_digest_does_not_name_the_anonymous_owner(anonymous_case):
    owner, adviser, case = anonymous_case["owner"], anonymous_case["adviser"], anonymous_case["case"]
    api.follow_thread(user=adviser, course_key=COURSE_KEY, thread_id=case.thread_id)
    api.answer_case(user=owner, **anonymous_case["where"], body="We tried a trial week too.",
                    parent_id=anonymous_case["answer"].id)
    api.send_discussion_digests(now=timezone.now() + timedelta(days=2))
    to_adviser = [m for m in mail.outbox if m.to == [adviser.email]]
    assert to_adviser and "We tried a trial week too." in to_adviser[0].body
    assert "A member of the community" in to_adviser[0].body
    assert_unnamed(to_adviser[0].body + to_adviser[0].subject, owner)


def test_retiring_the_owner_of_an_anonymous_case_leaves_nothing_of_them(anonymous_case):
    owner, peer = anonymous_case["owner"], anonymous_case["peer"]
    exported = json.dumps(api.export_member_data(user_id=owner.id), default=str)
    assert "Our director blocks every apprenticeship" in exported
    api.retire_member(user_id=owner.id)
    api.retire_member(user_id=owner.id)
    row = CounsellingCase.objects.get(uuid=anonymous_case["case"].summary.uuid)
    assert row.owner_id is None and row.is_retired and row.title == "" and row.problem == ""
    assert api.list_cases(user=peer, course_key=COURSE_KEY, usage_key=USAGE_KEY).count == 0
    assert "Our director" not in json.dumps(api.export_member_data(user_id=peer.id), default=str)


def test_a_translation_the_anonymous_owner_made_does_not_name_them(anonymous_case):
    owner, peer = anonymous_case["owner"], anonymous_case["peer"]
    comment = api.get_case_page(user=owner, **anonymous_case["where"]).thread.posts[0].replies[0]
    api.contribute_translation(user=owner, course_key=COURSE_KEY, kind=api.POST_TRANSLATION, object_id=comment.id,
                               language="it", body="Dice che costa troppo tempo.")
    seen = api.get_case_page(user=peer, **anonymous_case["where"]).thread.posts[0].replies[0]
    assert seen.translations[0].body == "Dice che costa troppo tempo."
    assert seen.translations[0].translator_name == ""
    own = api.get_case_page(user=owner, **anonymous_case["where"]).thread.posts[0].replies[0]
    assert own.translations[0].translator_name
