"""The workspace block: themes authored in Studio and OLX, the learner's page, and its handlers' rights."""
import io
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
import webob
from lxml import etree

from tests.vetnet_plugin.toolbox_helpers import toolbox_media  # noqa: F401 (fixture)
from vetnet_plugin import api

from .runtime import COURSE_KEY, TRAINER, CourseRuntime, add_block, call_handler, lms_opt_attrs, reload
from .scenarios_helpers import Person, person

pytestmark = pytest.mark.django_db

OLX = """
<vetnet_workspace title="Work together" themes='[
  {"key": "green-construction", "title": "Green skills in the building crafts", "topic": "green_transition",
   "sector": "construction", "starts": "2026-02-01", "ends": "2026-05-31", "max_size": 3, "join_rule": "open",
   "members_create": true, "description": "Renovation modules."},
  {"key": "apprenticeships", "title": "Apprenticeships in craft SMEs", "topic": "work_based_learning",
   "sector": "wood_furniture", "starts": null, "ends": null, "max_size": 5, "join_rule": "invitation",
   "members_create": false, "description": ""}]'/>
"""

POST_HANDLERS = ("join", "leave", "approve", "invite", "set_state", "set_visibility", "set_notices", "save_document",
                 "create_task", "update_task", "post_message", "attach", "detach", "choose_attachment", "link_team")
GET_HANDLERS = ("document", "latest_revision", "compare", "workspace_html", "attachable")


def export(runtime, block) -> bytes:
    buffer = io.BytesIO()
    runtime.export_to_xml(block, buffer)
    return buffer.getvalue()


def get(who, block, handler, query):
    request = webob.Request.blank(f"/?{urlencode(query)}", method="GET")
    response = who.runtime.handle(who.block(block), handler, request)
    return response.status_code, response.json


@pytest.fixture
def block():
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    return runtime, add_block(runtime, "vetnet_workspace", OLX)


@pytest.fixture
def team(block):
    runtime, workspace_block = block
    ana, ben = person(runtime), person(runtime)
    status, opened, _r = call_handler(ana.runtime, ana.block(workspace_block), "create_workspace",
                                      {"theme": "green-construction", "title": "Retrofit module",
                                       "goal": "An outline of **four units**"})
    assert status == 200, opened
    status, _body, _r = call_handler(ben.runtime, ben.block(workspace_block), "join", {"workspace": opened["uuid"]})
    assert status == 200
    return workspace_block, ana, ben, opened["uuid"]


def test_the_themes_the_trainer_authors_survive_olx_export_and_import(block):
    runtime, workspace_block = block
    olx = export(runtime, workspace_block)
    again = add_block(CourseRuntime(TRAINER), "vetnet_workspace", olx)
    assert again.themes == workspace_block.themes and again.themes[1]["join_rule"] == "invitation"
    assert etree.fromstring(export(CourseRuntime(TRAINER), again)).attrib == etree.fromstring(olx).attrib


def test_the_studio_editor_edits_the_themes_as_plain_text_and_refuses_what_the_plugin_cannot_use(block):
    runtime, workspace_block = block
    editor = {field["name"]: field["value"] for field in workspace_block._editor_fields()}  # pylint: disable=protected-access
    text = editor["themes_text"]
    assert text.startswith("green-construction | Green skills in the building crafts | green_transition | "
                           "construction\n2026-02-01 | 2026-05-31 | 3 | open | yes\nRenovation modules.")
    status, _body, _r = call_handler(runtime, workspace_block, "studio_submit",
                                     {"themes_text": text.replace("| 3 | open", "| 12 | request")})
    assert status == 200
    assert reload(runtime, workspace_block).themes[0]["max_size"] == 12
    assert reload(runtime, workspace_block).themes[0]["join_rule"] == "request"
    for broken in ("no pipes at all", text.replace("green_transition", "astrology"), text.replace("| yes", "| maybe")):
        status, body, _r = call_handler(runtime, reload(runtime, workspace_block), "studio_submit",
                                        {"themes_text": broken})
        assert status == 400 and body["error"], broken
    assert reload(runtime, workspace_block).themes[0]["max_size"] == 12


def test_members_see_themes_workspaces_and_the_shared_document_in_the_page(team):
    workspace_block, ana, ben, uuid = team
    api.save_document(user=ana.user, course_key=COURSE_KEY, workspace_uuid=uuid, base_revision=0,
                      text="Unit 1: insulation <script>x</script>\n")
    html = ben.block(workspace_block).student_view().content
    assert "Green skills in the building crafts" in html and "Retrofit module" in html
    assert "<strong>four units</strong>" in html
    assert "Unit 1: insulation &lt;script&gt;" in html and "<script>x" not in html
    assert 'data-vetnet-document="' + uuid in html


def test_a_member_outside_the_workspace_sees_it_but_not_its_work_and_is_refused_by_every_handler(team):
    workspace_block, ana, _ben, uuid = team
    api.save_document(user=ana.user, course_key=COURSE_KEY, workspace_uuid=uuid, base_revision=0,
                      text="Private outline\n")
    carla = person(ana.runtime)
    html = carla.block(workspace_block).student_view().content
    assert "Retrofit module" in html and "Private outline" not in html
    task = api.create_task(user=ana.user, course_key=COURSE_KEY, workspace_uuid=uuid, title="Ours")
    payload = {"workspace": uuid, "base_revision": 1, "text": "Taken\n", "title": "T", "task": task.uuid,
               "theme": "green-construction",
               "state": "done", "user_id": carla.user.id, "community_readable": True, "enabled": False,
               "body": "Let me in", "resource": task.uuid, "for_outcome": True, "username": ana.user.username,
               "team_id": "team-a"}
    for handler in POST_HANDLERS:
        if handler == "join":
            continue  # a course member may join an open workspace
        status, body, _r = call_handler(carla.runtime, carla.block(workspace_block), handler, payload)
        assert status == 403 and body["error"], (handler, status, body)
    for handler in GET_HANDLERS:
        status, body = get(carla, workspace_block, handler, {"workspace": uuid, "older": 0, "newer": 1,
                                                             "search": ""})
        if handler == "workspace_html":
            assert status == 200 and "Private outline" not in body["html"]
        else:
            assert status == 403 and body["error"], (handler, status, body)
    outsider = person(ana.runtime, enrolled=False)
    for handler in POST_HANDLERS + ("create_workspace",):
        status, body, _r = call_handler(outsider.runtime, outsider.block(workspace_block), handler, payload)
        assert status == 403 and body["error"], (handler, status, body)
    assert api.get_document(user=ana.user, course_key=COURSE_KEY, workspace_uuid=uuid).text == "Private outline\n"


def test_saves_through_the_block_merge_and_the_poll_sees_the_new_revision(team):
    workspace_block, ana, ben, uuid = team
    call_handler(ana.runtime, ana.block(workspace_block), "save_document",
                 {"workspace": uuid, "base_revision": 0, "text": "Unit 1\nUnit 2\n"})
    call_handler(ana.runtime, ana.block(workspace_block), "save_document",
                 {"workspace": uuid, "base_revision": 1, "text": "Unit 1 by Ana\nUnit 2\n"})
    status, saved, _r = call_handler(ben.runtime, ben.block(workspace_block), "save_document",
                                     {"workspace": uuid, "base_revision": 1, "text": "Unit 1\nUnit 2 by Ben\n"})
    assert status == 200 and saved["merged"] and saved["document"]["text"] == "Unit 1 by Ana\nUnit 2 by Ben\n"
    assert get(ana, workspace_block, "latest_revision", {"workspace": uuid}) == (200, {"revision": 3})
    status, compared = get(ana, workspace_block, "compare", {"workspace": uuid, "older": 1, "newer": 3})
    assert status == 200 and "Unit 2 by Ben" in compared["html"]


def test_a_page_that_kept_typing_during_a_save_loses_neither_its_words_nor_others(team):
    workspace_block, ana, ben, uuid = team
    call_handler(ana.runtime, ana.block(workspace_block), "save_document",
                 {"workspace": uuid, "base_revision": 0, "text": "Unit 1\nUnit 2\n"})
    sent = "Unit 1 by Ana\nUnit 2\n"
    status, first, _r = call_handler(ana.runtime, ana.block(workspace_block), "save_document",
                                     {"workspace": uuid, "base_revision": 1, "text": sent})
    call_handler(ben.runtime, ben.block(workspace_block), "save_document",
                 {"workspace": uuid, "base_revision": 2, "text": "Unit 1 by Ana\nUnit 2 by Ben\n"})
    # Ana typed on in her first line while her save was on the way; her page saves from what it sent.
    status, again, _r = call_handler(ana.runtime, ana.block(workspace_block), "save_document",
                                     {"workspace": uuid, "base_revision": first["document"]["revision"],
                                      "base_text": sent, "text": "Unit 1 by Ana, and more\nUnit 2\n"})
    assert status == 200 and again["document"]["text"] == "Unit 1 by Ana, and more\nUnit 2 by Ben\n"


def test_the_facilitator_runs_the_lifecycle_and_an_archived_workspace_refuses_writes_from_the_block(team):
    workspace_block, ana, ben, uuid = team
    status, _body, _r = call_handler(ben.runtime, ben.block(workspace_block), "set_state",
                                     {"workspace": uuid, "state": "active"})
    assert status == 403
    for state in ("active", "closing", "archived"):
        status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "set_state",
                                        {"workspace": uuid, "state": state})
        assert status == 200 and body["state"] == state
    for who, handler, payload in ((ben, "save_document", {"base_revision": 0, "text": "x"}),
                                  (ben, "create_task", {"title": "t"}), (ana, "set_state", {"state": "active"}),
                                  (ana, "set_visibility", {"community_readable": True}), (ben, "leave", {}),
                                  (ben, "post_message", {"body": "Too late"}),
                                  (ana, "invite", {"username": "someone"}),
                                  (ben, "detach", {"resource": uuid}),
                                  (ana, "choose_attachment", {"resource": uuid, "for_outcome": True})):
        status, body, _r = call_handler(who.runtime, who.block(workspace_block), handler,
                                        {"workspace": uuid, **payload})
        assert status == 409 and "archived" in body["error"], handler


def test_bad_values_get_a_4xx_with_a_message(team):
    workspace_block, ana, _ben, uuid = team
    for handler, payload in (("save_document", {"workspace": uuid, "base_revision": "x", "text": "a"}),
                             ("save_document", {"workspace": uuid, "base_revision": 0, "text": ["a"]}),
                             ("save_document", {"workspace": uuid, "base_revision": 0, "text": "a", "base_text": 5}),
                             ("join", {"workspace": "not-a-uuid"}), ("create_task", {"workspace": uuid}),
                             ("set_visibility", {"workspace": uuid, "community_readable": "yes"}),
                             ("create_workspace", {"theme": "nowhere", "title": "x"})):
        status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), handler, payload)
        assert 400 <= status < 500 and body["error"], (handler, payload, status)


@pytest.mark.usefixtures("toolbox_media")
def test_the_facilitator_of_a_closing_workspace_publishes_its_outcome_to_the_toolbox_from_the_page(team):
    workspace_block, ana, ben, uuid = team
    call_handler(ana.runtime, ana.block(workspace_block), "save_document",
                 {"workspace": uuid, "base_revision": 0, "text": "Our module\n"})
    for state in ("active", "closing"):
        call_handler(ana.runtime, ana.block(workspace_block), "set_state", {"workspace": uuid, "state": state})
    assert 'data-vetnet-action="publish_outcome"' in ana.block(workspace_block).student_view().content
    assert 'data-vetnet-action="publish_outcome"' not in ben.block(workspace_block).student_view().content
    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "publish_outcome",
                                    {"workspace": uuid, "licence": "cc-by", "description": ""})
    assert status == 200 and body["resource_uuid"]
    resource = api.get_resource(user=ana.user, course_key=COURSE_KEY,
                                resource_uuid=body["resource_uuid"])
    assert api.display_name(ben.user) in resource.description


def test_the_page_costs_the_same_queries_however_many_workspaces_and_members_it_lists(team):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import new_request

    workspace_block, _ana, _ben, _uuid = team
    carla = person(team[1].runtime)

    def cost():
        new_request()
        with CaptureQueriesContext(connection) as captured:
            html = carla.block(workspace_block).student_view().content
        return len(captured), html

    small, _html = cost()
    for number in range(3):
        facilitator = person(team[1].runtime)
        api.update_member_profile(user_id=facilitator.user.id, changes={"country": "GR"})
        status, opened, _r = call_handler(facilitator.runtime, facilitator.block(workspace_block), "create_workspace",
                                          {"theme": "green-construction", "title": f"Workspace {number}"})
        assert status == 200, opened
        joiner = person(team[1].runtime)
        api.update_member_profile(user_id=joiner.user.id, changes={"organisation_type": "vet_provider"})
        status, _body, _r = call_handler(joiner.runtime, joiner.block(workspace_block), "join",
                                         {"workspace": opened["uuid"]})
        assert status == 200
    grown, html = cost()
    assert grown == small
    assert all(f"Workspace {number}" in html for number in range(3))


def test_the_facilitator_manages_who_joins_from_the_page_and_others_do_not_see_those_controls(block):
    runtime, _block = block
    workspace_block = add_block(runtime, "vetnet_workspace", OLX.replace('"join_rule": "open"', '"join_rule": "request"'))
    ana, ben, carla = person(runtime), person(runtime), person(runtime)
    status, opened, _r = call_handler(ana.runtime, ana.block(workspace_block), "create_workspace",
                                      {"theme": "green-construction", "title": "Retrofit module"})
    uuid = opened["uuid"]
    call_handler(ben.runtime, ben.block(workspace_block), "join", {"workspace": uuid})

    page = ana.block(workspace_block).student_view().content
    for control in ('data-vetnet-action="approve"', 'data-vetnet-action="invite"',
                    'data-vetnet-action="set_visibility"', 'data-vetnet-action="set_notices"'):
        assert control in page, control
    assert 'data-vetnet-action="link_team"' not in page  # no Open edX teams outside the platform
    assert 'data-vetnet-action="approve"' not in ben.block(workspace_block).student_view().content
    assert "Withdraw my request" in ben.block(workspace_block).student_view().content

    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "approve",
                                    {"workspace": uuid, "user_id": str(ben.user.id)})
    assert status == 200 and body["member_count"] == 2
    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "invite",
                                    {"workspace": uuid, "username": f" {carla.user.username} "})
    assert status == 200 and [p["status"] for p in body["pending"]] == ["invited"]
    assert "Decline the invitation" in carla.block(workspace_block).student_view().content
    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "invite",
                                    {"workspace": uuid, "username": "nobody-here"})
    assert status == 404 and body["error"]
    status, _body, _r = call_handler(ben.runtime, ben.block(workspace_block), "set_notices",
                                     {"workspace": uuid, "enabled": False})
    assert status == 200
    assert f'id="{ben.block(workspace_block).dom_id}-{uuid}-notices" name="enabled">' in \
        ben.block(workspace_block).student_view().content  # unchecked now
    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "set_visibility",
                                    {"workspace": uuid, "community_readable": True})
    assert status == 200 and body["community_readable"] is True


def test_members_talk_in_the_workspace_discussion_from_the_page(team):
    workspace_block, ana, ben, uuid = team
    status, first, _r = call_handler(ana.runtime, ana.block(workspace_block), "post_message",
                                     {"workspace": uuid, "body": "Who takes **unit 1**? <script>x</script>"})
    assert status == 200, first
    status, _reply, _r = call_handler(ben.runtime, ben.block(workspace_block), "post_message",
                                      {"workspace": uuid, "body": "I do.", "parent_id": first["id"]})
    assert status == 200
    page = ben.block(workspace_block).student_view().content
    assert "<strong>unit 1</strong>" in page and "<script>x" not in page and "I do." in page
    for payload in ({"workspace": uuid, "body": ""}, {"workspace": uuid, "body": "x", "parent_id": 5},
                    {"workspace": uuid, "body": "x", "parent_id": "not-a-post"}):
        status, body, _r = call_handler(ben.runtime, ben.block(workspace_block), "post_message", payload)
        assert 400 <= status < 500 and body["error"], payload
    carla = person(ana.runtime)
    assert "Who takes" not in carla.block(workspace_block).student_view().content


@pytest.mark.usefixtures("toolbox_media")
def test_members_find_attach_and_remove_toolbox_resources_from_the_page(team):
    from tests.vetnet_plugin.toolbox_helpers import deposit, in_course

    workspace_block, ana, ben, uuid = team
    resource = deposit(person(ana.runtime).user, in_course(COURSE_KEY), title="Energy audit <b>template</b>")
    status, found = get(ben, workspace_block, "attachable", {"workspace": uuid, "search": ""})
    assert status == 200 and found["count"] >= 1
    assert "Energy audit &lt;b&gt;template&lt;/b&gt;" in found["html"] and 'data-vetnet-action="attach"' in found["html"]
    status, body, _r = call_handler(ben.runtime, ben.block(workspace_block), "attach",
                                    {"workspace": uuid, "resource": resource.uuid})
    assert status == 200
    assert "attached" in get(ben, workspace_block, "attachable", {"workspace": uuid, "search": ""})[1]["html"]
    page = ana.block(workspace_block).student_view().content
    assert "Energy audit &lt;b&gt;template&lt;/b&gt;" in page and 'data-vetnet-action="choose_attachment"' in page
    assert 'data-vetnet-action="choose_attachment"' not in ben.block(workspace_block).student_view().content
    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "choose_attachment",
                                    {"workspace": uuid, "resource": resource.uuid, "for_outcome": True})
    assert status == 200 and body == {"for_outcome": True}
    status, body, _r = call_handler(ana.runtime, ana.block(workspace_block), "choose_attachment",
                                    {"workspace": uuid, "resource": resource.uuid, "for_outcome": "yes"})
    assert status == 400
    status, body, _r = call_handler(ben.runtime, ben.block(workspace_block), "detach",
                                    {"workspace": uuid, "resource": resource.uuid})
    assert status == 200
    assert api.list_attachments(user=ana.user, course_key=COURSE_KEY, workspace_uuid=uuid) == []
    status, body = get(ben, workspace_block, "attachable", {"workspace": uuid, "search": "x" * 201})
    assert status == 400 and body["error"]


# -- a teamset's Open edX teams as workspaces (the platform's ``teams`` service) ---------------------

class FakeTeamsService:
    """The platform's ``TeamsService`` as the block uses it: ``get_team(user, course_id, topic_id)``."""

    def __init__(self, teams):
        self.teams = teams  # (team_id, name, topic_id, users)
        self.asked = []

    def get_team(self, user, course_id, topic_id):
        self.asked.append((user.id, str(course_id), topic_id))
        for team_id, name, topic, users in self.teams:
            if topic == topic_id and any(member.id == user.id for member in users):
                return SimpleNamespace(team_id=team_id, name=name, topic_id=topic, course_id=course_id,
                                       users=SimpleNamespace(all=lambda users=users: list(users)))
        return None


def teamset_block():
    runtime = CourseRuntime(TRAINER)
    return add_block(runtime, "vetnet_workspace", OLX.replace('title="Work together"',
                                                              'title="Work together" teamset_id="retrofit"'))


def with_teams(someone, service):
    attrs = lms_opt_attrs(user_id=someone.user.id, username=someone.user.username)
    return Person(someone.runtime.as_user(attrs, lms=True, teams=service), someone.user)


def test_the_teamset_travels_in_olx_and_studio_says_where_it_has_effect():
    workspace_block = teamset_block()
    olx = export(workspace_block.runtime, workspace_block)
    assert etree.fromstring(olx).get("teamset_id") == "retrofit"
    again = add_block(CourseRuntime(TRAINER), "vetnet_workspace", olx)
    assert again.teamset_id == "retrofit"
    editor = {field["name"]: field for field in again._editor_fields()}  # pylint: disable=protected-access
    assert editor["teamset_id"]["value"] == "retrofit"
    assert "only where the platform has Open edX teams" in editor["teamset_id"]["help"]
    status, _body, _r = call_handler(again.runtime, again, "studio_submit", {"teamset_id": "x" * 256})
    assert status == 400
    status, _body, _r = call_handler(again.runtime, again, "studio_submit", {"teamset_id": ""})
    assert status == 200 and reload(again.runtime, again).teamset_id == ""


def test_with_the_platforms_teams_each_learner_sees_their_own_teams_workspace_with_its_members():
    workspace_block = teamset_block()
    base = person(workspace_block.runtime)
    ana, ben, carla, dan = (person(base.runtime) for _ in range(4))
    service = FakeTeamsService([("team-a", "Retrofit crew", "retrofit", [ana.user, ben.user]),
                                ("team-b", "Insulation crew", "retrofit", [carla.user]),
                                ("team-c", "Another teamset", "other", [dan.user])])

    html = with_teams(ana, service).block(workspace_block).student_view().content
    assert "Retrofit crew" in html and "Insulation crew" not in html
    assert service.asked == [(ana.user.id, COURSE_KEY, "retrofit")]
    for _again in range(2):
        html = with_teams(ben, service).block(workspace_block).student_view().content
    crew = [w for entry in api.list_themes(user=ben.user, course_key=COURSE_KEY,
                                           usage_key=str(workspace_block.scope_ids.usage_id))
            for w in entry.workspaces]
    assert [(w.title, w.role, {m.user_id for m in w.members}) for w in crew] == [
        ("Retrofit crew", "member", {ana.user.id, ben.user.id})]

    html = with_teams(carla, service).block(workspace_block).student_view().content
    assert "Insulation crew" in html
    # Someone with no team in the teamset sees the block's own workspaces, and makes none.
    html = with_teams(dan, service).block(workspace_block).student_view().content
    crews = {w.title for entry in api.list_themes(user=dan.user, course_key=COURSE_KEY,
                                                  usage_key=str(workspace_block.scope_ids.usage_id))
             for w in entry.workspaces}
    assert crews == {"Retrofit crew", "Insulation crew"}


def test_without_the_teams_service_the_teamset_changes_nothing(team):
    workspace_block, ana, _ben, _uuid = team
    workspace_block.teamset_id = "retrofit"
    workspace_block.save()
    html = ana.block(workspace_block).student_view().content
    assert "Retrofit module" in html
    assert [w.title for entry in api.list_themes(user=ana.user, course_key=COURSE_KEY,
                                                 usage_key=str(workspace_block.scope_ids.usage_id))
            for w in entry.workspaces] == ["Retrofit module"]
