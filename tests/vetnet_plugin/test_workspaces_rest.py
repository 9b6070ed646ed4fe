"""The workspace endpoints: members work through them; non-members are denied on every one; bad bodies get 400s."""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member
from tests.vetnet_plugin.toolbox_helpers import deposit, toolbox_media  # noqa: F401 (fixture)
from vetnet_plugin import api

from .workspace_helpers import USAGE_KEY, configure, workspace_with_members

pytestmark = pytest.mark.django_db

BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}"
TASK_UUID = "0f0e0d0c-0b0a-4000-8000-000000000000"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def team():
    configure()
    workspace, people = workspace_with_members(2)
    return workspace, people


def every_workspace_request(workspace_uuid, task_uuid=TASK_UUID):
    here = f"{BASE}/workspaces/{workspace_uuid}"
    return [
        ("get", f"{here}/document/", None),
        ("put", f"{here}/document/", {"base_revision": 0, "text": "Intruder\n"}),
        ("get", f"{here}/document/latest/", None),
        ("get", f"{here}/document/revisions/", None),
        ("get", f"{here}/document/compare/?older=0&newer=1", None),
        ("get", f"{here}/tasks/", None),
        ("post", f"{here}/tasks/", {"title": "Intrude"}),
        ("patch", f"{here}/tasks/{task_uuid}/", {"state": "done"}),
        ("get", f"{here}/activity/", None),
        ("post", f"{here}/visit/", None),
        ("put", f"{here}/state/", {"state": "active"}),
        ("put", f"{here}/visibility/", {"community_readable": True}),
        ("post", f"{here}/approve/", {"user_id": 1}),
        ("post", f"{here}/invitations/", {"user_id": 1}),
        ("put", f"{here}/notices/", {"enabled": False}),
        ("get", f"{here}/discussion/", None),
        ("post", f"{here}/discussion/", {"body": "Intruding"}),
        ("get", f"{here}/attachments/", None),
        ("post", f"{here}/attachments/", {"resource_uuid": TASK_UUID}),
        ("patch", f"{here}/attachments/{TASK_UUID}/", {"for_outcome": True}),
        ("delete", f"{here}/attachments/{TASK_UUID}/", None),
        ("get", f"{here}/attachable/", None),
        ("put", f"{here}/team/", {"team_id": "team-a"}),
    ]


def test_members_write_the_document_and_see_each_others_saves_merged(team):
    workspace, (ana, ben) = team
    here = f"{BASE}/workspaces/{workspace.uuid}/document/"
    first = client_for(ana).put(here, {"base_revision": 0, "text": "Line one\nLine two\n"}, format="json")
    assert first.status_code == 200, first.content
    client_for(ana).put(here, {"base_revision": 1, "text": "Line one, by Ana\nLine two\n"}, format="json")
    saved = client_for(ben).put(here, {"base_revision": 1, "text": "Line one\nLine two, by Ben\n"}, format="json")
    body = saved.json()
    assert body["merged"] and body["document"]["text"] == "Line one, by Ana\nLine two, by Ben\n"
    assert client_for(ana).get(f"{here}latest/").json() == {"revision": 3}
    compared = client_for(ana).get(f"{here}compare/", {"older": 1, "newer": 3}).json()
    assert {"kind": "added", "text": "Line two, by Ben"} in compared["lines"]


def test_the_document_html_is_sanitized(team):
    workspace, (ana, _ben) = team
    here = f"{BASE}/workspaces/{workspace.uuid}/document/"
    client_for(ana).put(here, {"base_revision": 0, "text": "<script>alert(1)</script>\n**bold**\n"}, format="json")
    html = client_for(ana).get(here).json()["html"]
    assert "<script>" not in html and "<strong>bold</strong>" in html


def test_a_member_creates_and_joins_workspaces_through_the_block_endpoints(team):
    workspace, _people = team
    carla = member()
    listed = client_for(carla).get(f"{BASE}/workspace-blocks/{USAGE_KEY}/themes/").json()["results"]
    assert listed[0]["workspaces"][0]["uuid"] == workspace.uuid
    created = client_for(carla).post(f"{BASE}/workspace-blocks/{USAGE_KEY}/workspaces/",
                                     {"theme_key": "green-skills", "title": "Heat pumps", "goal": "*Map* skills"},
                                     format="json")
    assert created.status_code == 201 and created.json()["goal_html"] == "<p><em>Map</em> skills</p>"
    joined = client_for(carla).post(f"{BASE}/workspaces/{workspace.uuid}/join/")
    assert joined.json()["role"] == "member"


def test_non_members_are_denied_on_every_workspace_endpoint(team):
    workspace, (ana, _ben) = team
    task = api.create_task(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, title="Ours")
    for outsider in (member(), UserFactory()):
        client = client_for(outsider)
        for method, path, body in every_workspace_request(workspace.uuid, task.uuid):
            response = getattr(client, method)(path, body, format="json") if body else getattr(client, method)(path)
            assert response.status_code == 403, (method, path, response.status_code)
            assert response.json()["detail"]
    assert api.get_document(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid).revision == 0
    assert [t.state for t in api.list_tasks(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)] == ["todo"]


def test_an_archived_workspace_refuses_every_write_through_the_api(team):
    workspace, (ana, ben) = team
    task = api.create_task(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, title="Ours")
    for state in ("active", "closing", "archived"):
        api.set_workspace_state(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, state=state)
    for method, path, body in every_workspace_request(workspace.uuid, task.uuid):
        if method == "get" or path.endswith(("/visit/", "/notices/")):
            continue
        response = getattr(client_for(ana), method)(path, body, format="json")
        assert response.status_code == 409, (method, path, response.status_code)
        assert "archived" in response.json()["detail"]
    assert client_for(ben).get(f"{BASE}/workspaces/{workspace.uuid}/document/").status_code == 200


def test_bad_bodies_are_refused_with_a_message_and_change_nothing(team):
    workspace, (ana, _ben) = team
    here = f"{BASE}/workspaces/{workspace.uuid}"
    for method, path, body in (
        ("put", f"{here}/document/", {"base_revision": "one", "text": "x"}),
        ("put", f"{here}/document/", {"base_revision": 5, "text": "x"}),
        ("put", f"{here}/document/", {"text": "x"}),
        ("put", f"{here}/state/", {"state": "exploded"}),
        ("post", f"{here}/tasks/", {"title": ""}),
        ("post", f"{here}/tasks/", {"title": "Due", "due": "tomorrow"}),
        ("patch", f"{here}/tasks/{TASK_UUID}/", {"state": "done"}),
    ):
        response = getattr(client_for(ana), method)(path, body, format="json")
        assert 400 <= response.status_code < 500, (method, path, response.status_code)
        assert response.json()["detail"]
    bad = client_for(ana).generic("PUT", f"{here}/document/", b'{"base_revision": 1e400, "text": "x"}',
                                  content_type="application/json")
    assert bad.status_code == 400
    assert api.get_document(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid).revision == 0


def test_members_discuss_and_attach_resources_through_the_endpoints(team, toolbox_media):
    workspace, (ana, ben) = team
    here = f"{BASE}/workspaces/{workspace.uuid}"
    first = client_for(ana).post(f"{here}/discussion/", {"body": "Who drafts **unit 1**?"}, format="json")
    assert first.status_code == 201, first.content
    reply = client_for(ben).post(f"{here}/discussion/", {"body": "I do.", "parent_id": first.json()["id"]},
                                 format="json")
    assert reply.status_code == 201
    thread = client_for(ben).get(f"{here}/discussion/").json()
    assert thread["post_count"] == 2 and "<strong>unit 1</strong>" in thread["posts"]["results"][0]["body_html"]
    assert thread["posts"]["results"][0]["replies"][0]["body"] == "I do."

    resource = deposit(member(), title="Energy audit template")
    found = client_for(ben).get(f"{here}/attachable/", {"search": ""}).json()["results"]
    assert resource.uuid in [item["resource_uuid"] for item in found]
    attached = client_for(ben).post(f"{here}/attachments/", {"resource_uuid": resource.uuid}, format="json")
    assert attached.status_code == 201 and attached.json()["title"] == "Energy audit template"
    assert client_for(ben).post(f"{here}/attachments/", {"resource_uuid": resource.uuid},
                                format="json").status_code == 409
    assert client_for(ben).patch(f"{here}/attachments/{resource.uuid}/", {"for_outcome": True},
                                 format="json").status_code == 403  # the facilitator chooses
    chosen = client_for(ana).patch(f"{here}/attachments/{resource.uuid}/", {"for_outcome": True}, format="json")
    assert chosen.json()["for_outcome"] is True
    assert [a["for_outcome"] for a in client_for(ben).get(f"{here}/attachments/").json()["results"]] == [True]
    assert client_for(ben).delete(f"{here}/attachments/{resource.uuid}/").status_code == 204
    assert client_for(ben).get(f"{here}/attachments/").json()["results"] == []


def test_the_facilitator_invites_by_username_and_sees_who_waits(team):
    workspace, (ana, ben) = team
    carla = member()
    here = f"{BASE}/workspaces/{workspace.uuid}"
    invited = client_for(ana).post(f"{here}/invitations/", {"username": carla.username}, format="json")
    assert invited.status_code == 200, invited.content
    assert [p["status"] for p in invited.json()["pending"]] == ["invited"]
    assert client_for(ben).get(f"{here}/").json()["pending"] == []
    assert client_for(ana).post(f"{here}/invitations/", {}, format="json").status_code == 400
    assert client_for(ana).put(f"{here}/team/", {"team_id": "team-a"}, format="json").status_code == 404


def test_hostile_bodies_on_the_new_endpoints_get_a_message_and_change_nothing(team):
    workspace, (ana, _ben) = team
    here = f"{BASE}/workspaces/{workspace.uuid}"
    for method, path, body in (
        ("post", f"{here}/discussion/", {"body": ""}),
        ("post", f"{here}/discussion/", {"body": "x" * 10001}),
        ("post", f"{here}/discussion/", {"body": "Hi", "parent_id": "'; DROP TABLE vetnet_post; --"}),
        ("post", f"{here}/discussion/", {"body": "Hi", "parent_id": TASK_UUID}),
        ("post", f"{here}/attachments/", {"resource_uuid": "not-a-uuid"}),
        ("post", f"{here}/attachments/", {"resource_uuid": TASK_UUID}),
        ("patch", f"{here}/attachments/{TASK_UUID}/", {"for_outcome": "maybe"}),
        ("delete", f"{here}/attachments/{TASK_UUID}/", None),
        ("put", f"{here}/team/", {"team_id": ["a"]}),
        ("post", f"{here}/invitations/", {"username": "x" * 151}),
        ("post", f"{here}/invitations/", {"username": "nobody-by-that-name"}),
    ):
        response = getattr(client_for(ana), method)(path, body, format="json")
        assert 400 <= response.status_code < 500, (method, path, response.status_code)
        assert response.json()["detail"]
    assert client_for(ana).get(f"{here}/discussion/", {"page": "lots"}).status_code == 400
    assert client_for(ana).get(f"{here}/attachable/", {"search": "x" * 201}).status_code == 400
    assert api.get_workspace_discussion(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid
                                        ).post_count == 0


def test_a_workspace_is_not_reached_through_another_course_on_the_new_endpoints(team):
    workspace, (ana, _ben) = team
    elsewhere = f"/api/vetnet/v1/courses/{OTHER_COURSE_KEY}/workspaces/{workspace.uuid}"
    for path in ("discussion/", "attachments/", "attachable/"):
        assert client_for(ana).get(f"{elsewhere}/{path}").status_code in (403, 404)
