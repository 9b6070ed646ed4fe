"""
Around a workspace's document: its discussion stream, the toolbox resources
attached to it (and chosen for the outcome), Open edX teams as workspaces,
and what the facilitator sees to manage who joins.
"""
import sys
import types

import pytest

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member
from tests.vetnet_plugin.communication_helpers import staff_user
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401 (fixture)
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from vetnet_plugin.models import Workspace, WorkspaceAttachment

from .workspace_helpers import USAGE_KEY, configure, open_workspace, workspace_with_members

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def themes():
    configure()


def _in(workspace):
    return {"course_key": COURSE_KEY, "workspace_uuid": workspace.uuid}


# -- the discussion stream --------------------------------------------------------------------

def test_members_discuss_in_the_workspace_and_see_each_others_posts():
    workspace, (facilitator, other) = workspace_with_members(2)
    first = api.post_in_workspace(user=facilitator, **_in(workspace), body="Shall we split the units?")
    api.post_in_workspace(user=other, **_in(workspace), body="Yes: I take **unit 2**.", parent_id=first.id)

    thread = api.get_workspace_discussion(user=other, **_in(workspace))

    assert [post.body for post in thread.posts] == ["Shall we split the units?"]
    assert [reply.body for reply in thread.posts[0].replies] == ["Yes: I take **unit 2**."]
    assert "<strong>unit 2</strong>" in thread.posts[0].replies[0].body_html
    assert thread.post_count == 2


def test_outsiders_neither_read_nor_post_in_a_workspace_discussion_even_through_the_core():
    workspace, (facilitator, _other) = workspace_with_members(2)
    post = api.post_in_workspace(user=facilitator, **_in(workspace), body="Members only.")
    outsider, stranger = member(), member(course_key=OTHER_COURSE_KEY)

    with pytest.raises(AccessDenied):
        api.get_workspace_discussion(user=outsider, **_in(workspace))
    with pytest.raises(AccessDenied):
        api.post_in_workspace(user=outsider, **_in(workspace), body="Let me in.")
    with pytest.raises((NotFound, AccessDenied)):
        api.get_workspace_discussion(user=stranger, course_key=OTHER_COURSE_KEY, workspace_uuid=workspace.uuid)
    # The core's own functions ask the workspace's guard: the thread does not exist for the outsider.
    with pytest.raises(NotFound):
        api.get_thread(user=outsider, course_key=COURSE_KEY, thread_id=post.thread_id)
    with pytest.raises(NotFound):
        api.create_post(user=outsider, course_key=COURSE_KEY, thread_id=post.thread_id, body="Sneaking in.")
    with pytest.raises(NotFound):
        api.vote_post(user=outsider, course_key=COURSE_KEY, post_id=post.id)
    assert api.get_threads(user=outsider, course_key=COURSE_KEY, thread_ids=[post.thread_id]) == {}
    assert api.get_workspace_discussion(user=facilitator, **_in(workspace)).post_count == 1


def test_the_opted_in_community_reads_the_discussion_but_only_members_write_and_nobody_once_archived():
    workspace, (facilitator, other) = workspace_with_members(2)
    post = api.post_in_workspace(user=facilitator, **_in(workspace), body="Our plan.")
    api.set_community_readable(user=facilitator, **_in(workspace), readable=True)
    reader = member()

    assert [p.body for p in api.get_workspace_discussion(user=reader, **_in(workspace)).posts] == ["Our plan."]
    with pytest.raises(AccessDenied):
        api.post_in_workspace(user=reader, **_in(workspace), body="Can I add?")
    with pytest.raises(AccessDenied):  # not through the core's own endpoint either
        api.create_post(user=reader, course_key=COURSE_KEY, thread_id=post.thread_id, body="Can I add?")
    with pytest.raises(AccessDenied):
        api.vote_post(user=reader, course_key=COURSE_KEY, post_id=post.id)

    for state in ("active", "closing", "archived"):
        api.set_workspace_state(user=facilitator, **_in(workspace), state=state)
    with pytest.raises(Conflict):
        api.post_in_workspace(user=other, **_in(workspace), body="Too late.")
    with pytest.raises(AccessDenied):
        api.create_post(user=other, course_key=COURSE_KEY, thread_id=post.thread_id, body="Too late.")
    assert api.get_workspace_discussion(user=other, **_in(workspace)).post_count == 1


def test_a_member_who_followed_the_discussion_and_left_the_workspace_gets_no_digest_of_it():
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone

    workspace, (facilitator, leaver, stayer) = workspace_with_members(3)
    first = api.post_in_workspace(user=facilitator, **_in(workspace), body="Plan for the week.")
    for person in (leaver, stayer):
        api.follow_thread(user=person, course_key=COURSE_KEY, thread_id=first.thread_id)
    api.leave_workspace(user=leaver, **_in(workspace))
    api.post_in_workspace(user=facilitator, **_in(workspace), body="Site visit moved to Tuesday.")

    assert api.send_discussion_digests(now=timezone.now() + timedelta(hours=25)) == 1
    assert [message.to for message in mail.outbox] == [[stayer.email]]


def test_hostile_posts_are_refused_or_stored_raw_and_shown_sanitized():
    workspace, (facilitator, _other) = workspace_with_members(2)
    with pytest.raises(InvalidInput):
        api.post_in_workspace(user=facilitator, **_in(workspace), body="   ")
    with pytest.raises(InvalidInput):
        api.post_in_workspace(user=facilitator, **_in(workspace), body=["not", "text"])
    with pytest.raises(InvalidInput):
        api.post_in_workspace(user=facilitator, **_in(workspace), body="x" * 10001)
    with pytest.raises(NotFound):
        api.post_in_workspace(user=facilitator, **_in(workspace), body="A reply", parent_id="not-a-uuid")
    post = api.post_in_workspace(user=facilitator, **_in(workspace), body="<script>alert(1)</script> hello")
    assert post.body.startswith("<script>") and "<script>" not in post.body_html


def test_a_discussion_of_another_courses_workspace_is_not_found():
    workspace, (facilitator, _other) = workspace_with_members(2)
    with pytest.raises(NotFound):
        api.get_workspace_discussion(user=facilitator, course_key=OTHER_COURSE_KEY, workspace_uuid=workspace.uuid)
    with pytest.raises(NotFound):
        api.post_in_workspace(user=facilitator, course_key=COURSE_KEY, workspace_uuid="../../etc", body="Hi")


# -- attachments from the toolbox -------------------------------------------------------------

@pytest.mark.usefixtures("toolbox_media")
def test_members_attach_published_resources_from_the_course_and_community_library():
    workspace, (facilitator, other) = workspace_with_members(2)
    course_resource = deposit(member(), title="Heat pump installation checklist")
    community = deposit(member(course_key=OTHER_COURSE_KEY), in_course(OTHER_COURSE_KEY, scope="both"),
                        title="Energy audit template")

    found = api.find_attachable_resources(user=other, **_in(workspace), search="")
    assert {item.title for item in found} >= {"Heat pump installation checklist", "Energy audit template"}
    api.attach_resource(user=other, **_in(workspace), resource_uuid=course_resource.uuid)
    api.attach_resource(user=facilitator, **_in(workspace), resource_uuid=community.uuid)
    with pytest.raises(Conflict):
        api.attach_resource(user=facilitator, **_in(workspace), resource_uuid=community.uuid)

    listed = api.list_attachments(user=facilitator, **_in(workspace))
    assert [(a.title, a.added_by_name, a.available) for a in listed] == [
        ("Heat pump installation checklist", api.display_name(other), True),
        ("Energy audit template", api.display_name(facilitator), True)]
    assert {item.resource_uuid for item in api.find_attachable_resources(user=other, **_in(workspace))
            if item.attached} == {course_resource.uuid, community.uuid}

    api.detach_resource(user=other, **_in(workspace), resource_uuid=community.uuid)
    assert [a.title for a in api.list_attachments(user=other, **_in(workspace))] == [
        "Heat pump installation checklist"]
    assert api.get_resource(user=other, **in_course(), resource_uuid=community.uuid).title  # still in the toolbox


@pytest.mark.usefixtures("toolbox_media")
def test_a_resource_another_member_attached_shows_in_the_activity_since_the_last_visit():
    workspace, (facilitator, other) = workspace_with_members(2)
    api.record_visit(user=facilitator, **_in(workspace))
    api.attach_resource(user=other, **_in(workspace), resource_uuid=deposit(member(), title="Site visit form").uuid)
    api.attach_resource(user=facilitator, **_in(workspace), resource_uuid=deposit(member(), title="Mine").uuid)
    seen = [(item.kind, item.who, item.what) for item in api.list_activity(user=facilitator, **_in(workspace))
            if item.kind == "attachment"]
    assert seen == [("attachment", api.display_name(other), "attached “Site visit form”")]


@pytest.mark.usefixtures("toolbox_media")
def test_what_members_may_not_see_in_the_toolbox_cannot_be_attached_and_a_withdrawn_one_shows_as_its_title():
    workspace, (facilitator, other) = workspace_with_members(2)
    other_course = deposit(member(course_key=OTHER_COURSE_KEY), in_course(OTHER_COURSE_KEY, scope="course"),
                           title="Not shared")
    draft = deposit(facilitator, in_course(moderation="approval"), title="My draft")
    with pytest.raises(NotFound):
        api.attach_resource(user=facilitator, **_in(workspace), resource_uuid=other_course.uuid)
    with pytest.raises(Conflict):  # the others could not open it
        api.attach_resource(user=facilitator, **_in(workspace), resource_uuid=draft.uuid)
    for hostile in ("not-a-uuid", None, 12, "' OR 1=1 --"):
        with pytest.raises(NotFound):
            api.attach_resource(user=facilitator, **_in(workspace), resource_uuid=hostile)
    with pytest.raises(InvalidInput):
        api.find_attachable_resources(user=facilitator, **_in(workspace), search="x" * 201)

    author = member()
    shared = deposit(author, title="Site visit form")
    api.attach_resource(user=other, **_in(workspace), resource_uuid=shared.uuid)
    api.withdraw_resource(user=author, **in_course(), resource_uuid=shared.uuid)
    [left] = api.list_attachments(user=facilitator, **_in(workspace))
    assert (left.title, left.available) == ("Site visit form", False)


@pytest.mark.usefixtures("toolbox_media")
def test_only_members_and_staff_attach_and_readers_outside_see_attachments_only_when_opted_in():
    workspace, (facilitator, _other) = workspace_with_members(2)
    resource = deposit(member(), title="Checklist")
    outsider = member()
    for call in (api.list_attachments, api.find_attachable_resources):
        with pytest.raises(AccessDenied):
            call(user=outsider, **_in(workspace))
    with pytest.raises(AccessDenied):
        api.attach_resource(user=outsider, **_in(workspace), resource_uuid=resource.uuid)
    api.attach_resource(user=staff_user(), **_in(workspace), resource_uuid=resource.uuid)
    with pytest.raises(AccessDenied):
        api.detach_resource(user=outsider, **_in(workspace), resource_uuid=resource.uuid)
    api.set_community_readable(user=facilitator, **_in(workspace), readable=True)
    assert [a.title for a in api.list_attachments(user=outsider, **_in(workspace))] == ["Checklist"]
    with pytest.raises(AccessDenied):
        api.attach_resource(user=outsider, **_in(workspace), resource_uuid=resource.uuid)
    with pytest.raises(NotFound):
        api.list_attachments(user=facilitator, course_key=OTHER_COURSE_KEY, workspace_uuid=workspace.uuid)


@pytest.mark.usefixtures("toolbox_media")
def test_the_facilitator_chooses_attachments_that_the_published_outcome_lists():
    workspace, (facilitator, other) = workspace_with_members(2)
    chosen, left_out = deposit(member(), title="Energy audit template"), deposit(member(), title="Old slides")
    for resource in (chosen, left_out):
        api.attach_resource(user=other, **_in(workspace), resource_uuid=resource.uuid)
    with pytest.raises(AccessDenied):
        api.choose_for_outcome(user=other, **_in(workspace), resource_uuid=chosen.uuid, chosen=True)
    with pytest.raises(NotFound):
        api.choose_for_outcome(user=facilitator, **_in(workspace), resource_uuid=member().id, chosen=True)
    assert api.choose_for_outcome(user=facilitator, **_in(workspace), resource_uuid=chosen.uuid,
                                  chosen=True).for_outcome
    api.save_document(user=other, **_in(workspace), base_revision=0, text="# Retrofit module\n")
    for state in ("active", "closing"):
        api.set_workspace_state(user=facilitator, **_in(workspace), state=state)

    resource_uuid = api.publish_outcome(user=facilitator, **_in(workspace), licence="cc-by")

    outcome = api.get_resource(user=staff_user(), **in_course(), resource_uuid=resource_uuid)
    assert f"Energy audit template ({chosen.uuid})" in outcome.description
    assert "Old slides" not in outcome.description


@pytest.mark.usefixtures("toolbox_media")
def test_an_archived_workspace_keeps_its_attachments_but_takes_no_change():
    workspace, (facilitator, other) = workspace_with_members(2)
    resource = deposit(member(), title="Checklist")
    api.attach_resource(user=other, **_in(workspace), resource_uuid=resource.uuid)
    for state in ("active", "closing", "archived"):
        api.set_workspace_state(user=facilitator, **_in(workspace), state=state)
    with pytest.raises(Conflict):
        api.detach_resource(user=other, **_in(workspace), resource_uuid=resource.uuid)
    with pytest.raises(Conflict):
        api.attach_resource(user=other, **_in(workspace), resource_uuid=deposit(member()).uuid)
    assert len(api.list_attachments(user=other, **_in(workspace))) == 1


@pytest.mark.usefixtures("toolbox_media")
def test_retirement_unlinks_who_attached_and_keeps_the_attachment():
    workspace, (_facilitator, other) = workspace_with_members(2)
    api.attach_resource(user=other, **_in(workspace), resource_uuid=deposit(member()).uuid)
    api.retire_workspace_member(user_id=other.id)
    api.retire_workspace_member(user_id=other.id)
    assert WorkspaceAttachment.objects.get().added_by_id is None


# -- what the facilitator sees, invitations by name, notices ----------------------------------

def test_the_facilitator_sees_who_waits_and_others_do_not():
    facilitator, asking, invited, onlooker = member(), member(), member(), member()
    workspace = open_workspace(facilitator, theme_key="apprenticeships")
    api.join_workspace(user=asking, **_in(workspace))
    api.invite_to_workspace(user=facilitator, **_in(workspace), username=invited.username)

    seen = api.get_workspace(user=facilitator, **_in(workspace))
    assert [(p.name, p.status) for p in seen.pending] == [(api.display_name(asking), "requested"),
                                                          (api.display_name(invited), "invited")]
    assert api.get_workspace(user=onlooker, **_in(workspace)).pending == ()
    assert api.get_workspace(user=asking, **_in(workspace)).pending == ()
    [theme] = [t for t in api.list_themes(user=facilitator, course_key=COURSE_KEY, usage_key=USAGE_KEY)
               if t.theme.key == "apprenticeships"]
    assert [p.status for p in theme.workspaces[0].pending] == ["requested", "invited"]
    api.approve_join_request(user=facilitator, **_in(workspace), user_id=asking.id)
    assert [p.status for p in api.get_workspace(user=facilitator, **_in(workspace)).pending] == ["invited"]


def test_an_invitation_names_a_member_of_the_course_by_username_and_refuses_anyone_else():
    workspace, (facilitator, _other) = workspace_with_members(2)
    for name in ("nobody-here", UserFactory().username, member(course_key=OTHER_COURSE_KEY).username):
        with pytest.raises(NotFound):
            api.invite_to_workspace(user=facilitator, **_in(workspace), username=name)
    with pytest.raises(InvalidInput):
        api.invite_to_workspace(user=facilitator, **_in(workspace), username="x" * 151)
    with pytest.raises(InvalidInput):
        api.invite_to_workspace(user=facilitator, **_in(workspace), user_id=True)


def test_each_person_sees_whether_they_receive_the_workspaces_notices():
    workspace, (facilitator, other) = workspace_with_members(2)
    api.set_workspace_notices(user=other, **_in(workspace), enabled=False)
    assert api.get_workspace(user=other, **_in(workspace)).email_notices is False
    assert api.get_workspace(user=facilitator, **_in(workspace)).email_notices is True


# -- Open edX teams ---------------------------------------------------------------------------

class _Users:
    def __init__(self, ids):
        self.ids = ids

    def values_list(self, *_fields, flat=False):
        return list(self.ids)


@pytest.fixture
def platform_teams(monkeypatch):
    """The platform's teams app, as ``lms.djangoapps.teams.api`` offers it, with the teams given in ``teams``."""
    teams = {}
    module = types.ModuleType("lms.djangoapps.teams.api")
    module.get_team_by_team_id = teams.get
    for name in ("lms", "lms.djangoapps", "lms.djangoapps.teams"):
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    monkeypatch.setattr(sys.modules["lms.djangoapps.teams"], "api", module, raising=False)
    monkeypatch.setitem(sys.modules, "lms.djangoapps.teams.api", module)

    def add(team_id, name, course_key, users):
        teams[team_id] = types.SimpleNamespace(team_id=team_id, name=name, course_id=course_key, topic_id="retrofit",
                                               users=_Users([user.id for user in users]))
    return add


def test_without_the_platforms_teams_app_a_workspace_cannot_be_linked_and_its_own_rules_serve():
    workspace, (facilitator, _other) = workspace_with_members(2)
    with pytest.raises(NotFound):
        api.link_workspace_team(user=facilitator, **_in(workspace), team_id="team-a")
    assert Workspace.objects.get().team_id == ""


def test_a_workspace_linked_to_a_team_lets_the_teams_members_in_at_once(platform_teams):
    configure()
    facilitator, teammate, outsider = member(), member(), member()
    staff = staff_user()
    workspace = open_workspace(staff, theme_key="policy")  # invitation only, opened by staff
    platform_teams("team-a", "Retrofit crew", COURSE_KEY, [teammate, facilitator])
    platform_teams("team-b", "Elsewhere", OTHER_COURSE_KEY, [outsider])

    with pytest.raises(AccessDenied):
        api.link_workspace_team(user=teammate, **_in(workspace), team_id="team-a")
    with pytest.raises(NotFound):  # a team of another course is not one of this course's teams
        api.link_workspace_team(user=staff, **_in(workspace), team_id="team-b")
    with pytest.raises(InvalidInput):
        api.link_workspace_team(user=staff, **_in(workspace), team_id=["team-a"])
    api.link_workspace_team(user=staff, **_in(workspace), team_id="team-a")

    joined = api.join_workspace(user=teammate, **_in(workspace))
    assert (joined.role, joined.team_name) == ("member", "Retrofit crew")
    with pytest.raises(AccessDenied):  # not in the team: the theme's rule (invitation only) still holds
        api.join_workspace(user=outsider, **_in(workspace))
    other = open_workspace(staff, theme_key="policy", title="Second")
    with pytest.raises(Conflict):
        api.link_workspace_team(user=staff, course_key=COURSE_KEY, workspace_uuid=other.uuid, team_id="team-a")
    api.link_workspace_team(user=staff, **_in(workspace), team_id="")
    assert api.get_workspace(user=staff, **_in(workspace)).team_id == ""
