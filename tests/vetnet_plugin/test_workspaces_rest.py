"""The workspace endpoints: members work through them; non-members are denied on every one; bad bodies get 400s."""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, UserFactory, member
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
