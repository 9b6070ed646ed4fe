"""The community hub across courses: the member's communities, what is new for them in each, over REST too."""
import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member, new_request
from tests.vetnet_plugin import best_practice_helpers as practices
from tests.vetnet_plugin import counselling_helpers as counselling
from tests.vetnet_plugin import hub_helpers as hub
from tests.vetnet_plugin import workspace_helpers as workspaces
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api

pytestmark = pytest.mark.django_db


def _news_for(user):
    """A member with one of each kind of news in the course."""
    other = member()
    thread_id = hub.thread()
    api.follow_thread(user=user, course_key=COURSE_KEY, thread_id=thread_id)
    hub.post(other, thread_id=thread_id)
    hub.post(user, thread_id=thread_id)  # their own post is not news
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=counselling.USAGE_KEY, title="Peer counselling",
                                   topics=counselling.TOPICS, allow_private=True)
    counselling.open_case(other, private=True, advisers=[user.username])
    workspaces.configure()
    workspace = workspaces.open_workspace(other)
    api.invite_to_workspace(user=other, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, user_id=user.id)
    mine = workspaces.open_workspace(user, title="My own")
    api.create_task(user=user, course_key=COURSE_KEY, workspace_uuid=mine.uuid, title="Draft the outline",
                    assignee_id=user.id, due=(timezone.localdate() + datetime.timedelta(days=1)).isoformat())
    api.create_task(user=user, course_key=COURSE_KEY, workspace_uuid=mine.uuid, title="Far away",
                    assignee_id=user.id, due=(timezone.localdate() + datetime.timedelta(days=60)).isoformat())
    practices.configure()
    practices.write_and_submit(user)
    author = practices.learner(organisation="Another school")
    practices.write_and_submit(author)
    assert api.request_review(user=user, course_key=COURSE_KEY, usage_key=practices.USAGE_KEY) is not None


def test_the_hub_lists_each_community_with_what_is_new_there():
    user = practices.learner(organisation="First school")
    api.record_enrollment(user_id=user.id, course_key=OTHER_COURSE_KEY)
    _news_for(user)
    result = api.get_hub(user=user)
    assert [item.course_key for item in result.communities] == [COURSE_KEY, OTHER_COURSE_KEY]
    news = result.communities[0]
    assert (news.followed_threads, news.cases_routed, news.invitations, news.reviews_waiting, news.tasks_due) == (
        1, 1, 1, 1, 1)
    assert news.total == 5
    assert result.communities[1].total == 0
    assert [link.key for link in result.links] == ["library", "directory", "repository"]
    assert result.links[0].url.endswith("/toolbox/resources/?scope=community")
    assert result.links[2].url.endswith("/best-practices/repository/page/")  # the members' repository page


def test_the_course_tab_puts_its_course_first():
    user = member(course_key=OTHER_COURSE_KEY)
    api.record_enrollment(user_id=user.id, course_key=COURSE_KEY)
    assert api.get_hub(user=user).communities[0].course_key == OTHER_COURSE_KEY
    assert api.get_hub(user=user, course_key=COURSE_KEY).communities[0].course_key == COURSE_KEY


def test_operators_point_the_cross_course_links(settings):
    settings.VETNET_HUB_LINKS = {"repository": "https://repository.example.org/"}
    links = {link.key: link.url for link in api.get_hub(user=member()).links}
    assert links["repository"] == "https://repository.example.org/"


def test_the_hub_costs_the_same_for_one_community_or_six(django_assert_max_num_queries):
    user = member()
    hub.post(user)
    api.record_phase_progress(course_key=COURSE_KEY)
    new_request()
    with django_assert_max_num_queries(12) as one:
        api.get_hub(user=user, course_key=COURSE_KEY)
    for number in range(5):
        key = f"course-v1:VETNet+Extra{number}+2026"
        api.record_enrollment(user_id=user.id, course_key=key)
        hub.post(user, course_key=key)
        api.record_phase_progress(course_key=key)
    new_request()
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(api.get_hub(user=user, course_key=COURSE_KEY).communities) == 6


# -- REST --


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_rest_hub_for_a_mobile_app():
    user = member()
    hub.communicate(user)
    api.record_phase_progress(course_key=COURSE_KEY)
    body = _client(user).get("/api/vetnet/v1/hub/").json()
    community = body["communities"][0]
    assert community["course_key"] == COURSE_KEY
    assert community["progression"]["next_phase"] == "sharing"
    first = community["progression"]["steps"][0]
    assert first["phase"] == "communication" and first["is_met"]
    assert {"action": "posted", "label": "posts in discussions", "done": 2, "needed": 2, "is_met": True} in (
        first["actions"])
    course = _client(user).get(f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/")
    assert course.status_code == 200


def test_rest_claim_then_anyone_reads_and_verifies_the_credential():
    user = member()
    hub.communicate(user)
    claim = _client(user).post(f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/credentials/", {"phase": "communication"},
                               format="json")
    assert claim.status_code == 201
    url = claim.json()["url"]
    assert url.startswith("http://testserver/api/vetnet/v1/hub/credentials/")
    anonymous = APIClient()
    document = anonymous.get(url)
    assert document.status_code == 200 and document["Content-Type"].startswith("application/vc+ld+json")
    assert document.json()["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    verification = anonymous.get(claim.json()["verification_url"]).json()
    assert verification["verified"] and not verification["revoked"]
    posted = anonymous.post("/api/vetnet/v1/hub/verification/", {"credential": document.json()}, format="json")
    assert posted.json()["verified"]
    forged = {**document.json(), "name": "Something grander"}
    assert not anonymous.post("/api/vetnet/v1/hub/verification/", {"credential": forged},
                              format="json").json()["verified"]
    mine = _client(user).get("/api/vetnet/v1/hub/credentials/").json()["results"]
    assert [item["phase"] for item in mine] == ["communication"]


def test_rest_claim_errors_are_clear_4xx():
    user = member()
    client = _client(user)
    url = f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/credentials/"
    early = client.post(url, {"phase": "communication"}, format="json")
    assert early.status_code == 400 and "Rate 1 more scenario." in early.json()["errors"]["phase"]
    assert client.post(url, {"phase": "cooperation"}, format="json").status_code == 400
    assert client.post(url, ["communication"], format="json").status_code == 400
    assert _client(UserFactory()).post(url, {"phase": "communication"}, format="json").status_code == 403
    assert APIClient().get("/api/vetnet/v1/hub/credentials/0b7e4c1e-3f0c-4d59-9f62-3f57b3c0aa11/").status_code == 404


def test_rest_criteria_staff_change_members_read():
    staff, user = staff_user(), member()
    url = f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/criteria/communication/"
    assert _client(user).put(url, {"thresholds": {"posted": 1}}, format="json").status_code == 403
    changed = _client(staff).put(url, {"thresholds": {"posted": 5}}, format="json")
    assert changed.status_code == 200 and changed.json()["thresholds"]["posted"] == 5
    assert _client(staff).put(url, {"thresholds": {"posted": -2}}, format="json").status_code == 400
    listed = _client(user).get(f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/criteria/").json()["results"]
    assert listed[0]["thresholds"]["posted"] == 5 and listed[1]["is_default"]
    recorded = _client(staff).post(f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/progress/")
    assert recorded.status_code == 200 and recorded.json()["recorded"] == 1
    assert _client(user).post(f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/progress/").status_code == 403


def test_rest_staff_revoke_and_the_public_url_answers_gone():
    staff, user = staff_user(), member()
    hub.communicate(user)
    credential = api.claim_phase_credential(user=user, course_key=COURSE_KEY, phase="communication",
                                            site_url=hub.SITE)
    revoke = f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/credentials/{credential.uuid}/revocation/"
    assert _client(user).post(revoke).status_code == 403
    assert _client(staff).post(revoke).json()["revocation_reason"] == "staff"
    gone = APIClient().get(f"/api/vetnet/v1/hub/credentials/{credential.uuid}/")
    assert gone.status_code == 410 and gone.json()["revoked"]


def test_the_staff_criteria_page_saves_and_refuses_learners(client):
    staff, user = staff_user(), member()
    url = f"/api/vetnet/hub/courses/{COURSE_KEY}/phases/"
    client.force_login(user)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    page = client.get(url).content.decode()
    assert 'id="communication-posted"' in page and 'value="2"' in page
    assert '<label for="communication-posted">Posts in discussions</label>' in page
    saved = client.post(url, {"phase": "sharing", "deposited": "3", "adopted": "0"})
    assert "The criteria are saved." in saved.content.decode()
    assert api.get_phase_criteria(user=staff, course_key=COURSE_KEY)[1].thresholds == {"deposited": 3, "adopted": 0}
    bad = client.post(url, {"phase": "sharing", "deposited": "lots", "adopted": "0"})
    assert "check the numbers marked" in bad.content.decode()


def test_claiming_on_the_page_shows_the_credential_page(client):
    user = member()
    hub.communicate(user)
    api.record_phase_progress(course_key=COURSE_KEY)
    client.force_login(user)
    hub_page = client.get(f"/api/vetnet/hub/courses/{COURSE_KEY}/").content.decode()
    assert "Claim your Communication credential" in hub_page
    claimed = client.post(f"/api/vetnet/hub/courses/{COURSE_KEY}/claim/", {"phase": "communication"}, follow=True)
    page = claimed.content.decode()
    assert "Your credential is ready" in page and "Open your Communication credential" in page
    uuid = api.list_phase_credentials(user_id=user.id)[0].uuid
    client.logout()
    public = client.get(f"/api/vetnet/hub/credentials/{uuid}/").content.decode()
    assert "Verified: this credential is genuine." in public


def test_a_followed_thread_has_news_only_for_others_visible_posts_since_the_last_digest():
    from vetnet_plugin.models import Follow, Post  # pylint: disable=import-outside-toplevel

    user, other = member(), member()
    quiet, busy, own, hidden = (hub.thread(target=name) for name in ("quiet", "busy", "own", "hidden"))
    for thread_id in (quiet, busy, own, hidden):
        api.follow_thread(user=user, course_key=COURSE_KEY, thread_id=thread_id)
    hub.post(other, thread_id=quiet)
    Follow.objects.filter(user=user, thread__uuid=quiet).update(digest_since=timezone.now())  # read in a digest
    hub.post(other, times=2, thread_id=busy)
    hub.post(user, thread_id=own)
    hub.post(other, thread_id=hidden)
    Post.objects.filter(thread__uuid=hidden).update(is_hidden=True)
    news = api.get_hub(user=user).communities[0]
    assert news.followed_threads == 1, "only the thread with another member's visible post since the digest"
