"""Themes, workspaces, joining by the theme's rule, the lifecycle and who may see a workspace's work."""
import pytest
from django.core import mail

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member
from tests.vetnet_plugin.communication_helpers import staff_user
from tests.vetnet_plugin.toolbox_helpers import toolbox_media  # noqa: F401 (fixture)
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from vetnet_plugin.models import Workspace, WorkspaceMembership

from .workspace_helpers import THEMES, USAGE_KEY, configure, open_workspace, workspace_with_members

pytestmark = pytest.mark.django_db


def with_email(user, address):
    user.email = address
    user.save()
    return user


@pytest.fixture(autouse=True)
def themes():
    configure()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Notices leave once the change commits: ``with committed():`` runs them as the change ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_members_see_the_themes_and_each_workspace_with_its_members_countries_and_organisation_types():
    workspace, people = workspace_with_members(2)
    onlooker = member()
    listed = api.list_themes(user=onlooker, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert [t.theme.title for t in listed] == [t["title"] for t in THEMES]
    green = listed[0]
    assert green.theme.topic == "green_transition" and green.theme.max_size == 4 and green.can_create
    assert not listed[2].can_create  # only staff open workspaces in that theme
    [shown] = green.workspaces
    assert shown.uuid == workspace.uuid and shown.member_count == 2 and shown.role == ""
    assert {(m.country, m.organisation_type) for m in shown.members} == {("IT", "vet_provider")}
    assert [m.is_facilitator for m in shown.members] == [True, False]


def test_a_theme_with_a_topic_outside_the_vocabulary_or_a_bad_size_is_refused():
    with pytest.raises(InvalidInput):
        configure([{**THEMES[0], "topic": "astrology"}])
    with pytest.raises(InvalidInput):
        configure([{**THEMES[0], "max_size": 1}])
    with pytest.raises(InvalidInput):
        configure([THEMES[0], THEMES[0]])


def test_only_staff_open_workspaces_where_the_theme_says_so():
    with pytest.raises(AccessDenied):
        open_workspace(member(), theme_key="policy")
    assert open_workspace(staff_user(), theme_key="policy").state == "forming"


def test_someone_outside_the_course_community_cannot_open_or_join_a_workspace():
    outsider = UserFactory()
    with pytest.raises(AccessDenied):
        open_workspace(outsider)
    workspace = open_workspace(member())
    with pytest.raises(AccessDenied):
        api.join_workspace(user=outsider, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)


def test_an_open_workspace_takes_members_until_it_is_full():
    workspace, _people = workspace_with_members(4)
    with pytest.raises(Conflict, match="full"):
        api.join_workspace(user=member(), course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert WorkspaceMembership.objects.filter(status="member").count() == 4


def test_a_request_to_join_waits_for_the_facilitator_who_hears_of_it_by_email(committed):
    facilitator = with_email(member(), "facilitator@example.org")
    workspace = open_workspace(facilitator, theme_key="apprenticeships")
    asking = member()
    mail.outbox.clear()
    with committed():
        asked = api.join_workspace(user=asking, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert asked.role == "requested"
    with pytest.raises(AccessDenied):
        api.get_document(user=asking, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert [m.to for m in mail.outbox] == [[facilitator.email]]
    with pytest.raises(AccessDenied):
        api.approve_join_request(user=asking, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, user_id=asking.id)
    joined = api.approve_join_request(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                                      user_id=asking.id)
    assert joined.member_count == 2


def test_an_invitation_only_workspace_is_joined_by_accepting_an_invitation(committed):
    staff = staff_user()
    workspace = open_workspace(staff, theme_key="policy")
    invited, uninvited = with_email(member(), "invited@example.org"), member()
    with pytest.raises(AccessDenied):
        api.join_workspace(user=uninvited, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    mail.outbox.clear()
    with committed():
        api.invite_to_workspace(user=staff, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, user_id=invited.id)
    assert [m.to for m in mail.outbox] == [[invited.email]]
    seen = api.join_workspace(user=invited, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert seen.role == "member"


def test_a_member_who_opted_out_gets_no_notices(committed):
    staff = staff_user()
    workspace = open_workspace(staff, theme_key="policy")
    invited = with_email(member(), "invited@example.org")
    api.invite_to_workspace(user=staff, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, user_id=invited.id)
    api.set_workspace_notices(user=invited, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, enabled=False)
    api.join_workspace(user=invited, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    mail.outbox.clear()
    with committed():
        api.create_task(user=staff, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, title="Draft",
                        assignee_id=invited.id)
    assert mail.outbox == []


def test_the_work_of_a_workspace_is_for_its_members_and_staff_unless_it_opts_in_to_the_community():
    workspace, people = workspace_with_members(2)
    api.save_document(user=people[0], course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=0,
                      text="Our outline\n")
    onlooker = member()
    for read in (api.get_document, api.list_tasks, api.list_activity, api.latest_revision):
        with pytest.raises(AccessDenied):
            read(user=onlooker, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert api.get_document(user=staff_user(), course_key=COURSE_KEY, workspace_uuid=workspace.uuid).text
    api.set_community_readable(user=people[0], course_key=COURSE_KEY, workspace_uuid=workspace.uuid, readable=True)
    assert api.get_document(user=onlooker, course_key=COURSE_KEY,
                            workspace_uuid=workspace.uuid).text == "Our outline\n"
    with pytest.raises(AccessDenied):  # readable, not writable
        api.save_document(user=onlooker, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=1,
                          text="Vandal\n")
    with pytest.raises(AccessDenied):
        api.get_document(user=UserFactory(), course_key=COURSE_KEY, workspace_uuid=workspace.uuid)


def test_a_workspace_is_not_found_through_another_course():
    workspace, people = workspace_with_members(1)
    with pytest.raises(NotFound):
        api.get_document(user=people[0], course_key=OTHER_COURSE_KEY, workspace_uuid=workspace.uuid)


def test_the_lifecycle_moves_forward_and_an_archived_workspace_refuses_every_write():
    workspace, (facilitator, other) = workspace_with_members(2)
    uuid = workspace.uuid
    with pytest.raises(AccessDenied):
        api.set_workspace_state(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, state="active")
    with pytest.raises(Conflict):
        api.set_workspace_state(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid, state="archived")
    task = api.create_task(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, title="Collect examples")
    for state in ("active", "closing", "archived"):
        assert api.set_workspace_state(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid,
                                       state=state).state == state
    writes = [
        lambda: api.save_document(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, base_revision=0, text="x"),
        lambda: api.create_task(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, title="More"),
        lambda: api.update_task(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, task_uuid=task.uuid,
                                state="done"),
        lambda: api.set_workspace_state(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid, state="active"),
        lambda: api.set_community_readable(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid,
                                           readable=True),
        lambda: api.join_workspace(user=member(), course_key=COURSE_KEY, workspace_uuid=uuid),
        lambda: api.leave_workspace(user=other, course_key=COURSE_KEY, workspace_uuid=uuid),
        lambda: api.invite_to_workspace(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid,
                                        user_id=member().id),
    ]
    for write in writes:
        with pytest.raises(Conflict, match="archived|no longer"):
            write()
    assert Workspace.objects.get().state == "archived"
    assert api.get_document(user=other, course_key=COURSE_KEY, workspace_uuid=uuid).revision == 0


def test_the_task_board_tracks_assignee_due_date_and_state_and_tells_the_assignee(committed):
    workspace, (facilitator, other) = workspace_with_members(2)
    other.email = "other@example.org"
    other.save()
    mail.outbox.clear()
    with committed():
        task = api.create_task(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                               title="Interview two SMEs", assignee_id=other.id, due="2026-03-01")
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    moved = api.update_task(user=other, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, task_uuid=task.uuid,
                            state="doing")
    assert (moved.state, moved.assignee_id, str(moved.due)) == ("doing", other.id, "2026-03-01")
    with pytest.raises(InvalidInput):
        api.create_task(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, title="Outsider",
                        assignee_id=member().id)
    with pytest.raises(InvalidInput):
        api.update_task(user=other, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, task_uuid=task.uuid,
                        state="finished")


def test_the_activity_feed_shows_what_others_did_since_the_last_visit():
    workspace, (facilitator, other) = workspace_with_members(2)
    api.record_visit(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    api.save_document(user=other, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=0,
                      text="A first line\n")
    feed = api.list_activity(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert [item.kind for item in feed] == ["revision"]
    api.record_visit(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert api.list_activity(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid) == []


def test_retirement_removes_the_member_from_workspaces_and_keeps_the_shared_text():
    workspace, (facilitator, other) = workspace_with_members(2)
    api.save_document(user=other, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=0,
                      text="Shared text\n")
    api.retire_member(user_id=other.id)
    api.retire_member(user_id=other.id)
    seen = api.get_workspace(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert seen.member_count == 1
    [revision] = api.list_revisions(user=facilitator, course_key=COURSE_KEY, workspace_uuid=workspace.uuid).items
    assert revision.author_name == ""
    assert api.get_document(user=facilitator, course_key=COURSE_KEY,
                            workspace_uuid=workspace.uuid).text == "Shared text\n"


@pytest.mark.usefixtures("toolbox_media")
def test_on_closing_the_facilitator_publishes_the_document_to_the_toolbox_crediting_every_member():
    workspace, (facilitator, other) = workspace_with_members(2)
    uuid = workspace.uuid
    api.save_document(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, base_revision=0,
                      text="# Retrofit module\nUnit 1: insulation\n")
    with pytest.raises(Conflict):  # not before closing
        api.publish_outcome(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid, licence="cc-by")
    for state in ("active", "closing"):
        api.set_workspace_state(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid, state=state)
    with pytest.raises(AccessDenied):
        api.publish_outcome(user=other, course_key=COURSE_KEY, workspace_uuid=uuid, licence="cc-by")
    with pytest.raises(InvalidInput):
        api.publish_outcome(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid, licence="all-rights")
    resource_uuid = api.publish_outcome(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid,
                                        licence="cc-by-sa", description="Our module outline.")
    resource = api.get_resource(user=staff_user(), course_key=COURSE_KEY,
                                resource_uuid=resource_uuid)
    assert resource.title == "Retrofit module" and resource.resource_type == "project_result"
    assert api.display_name(facilitator) in resource.description and api.display_name(other) in resource.description
    assert resource.sectors == ("construction",)
    with pytest.raises(Conflict):
        api.publish_outcome(user=facilitator, course_key=COURSE_KEY, workspace_uuid=uuid, licence="cc-by")


def test_the_theme_listing_costs_the_same_queries_however_many_workspaces_and_members():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import new_request

    onlooker = member()
    workspace_with_members(2)

    def cost():
        new_request()
        with CaptureQueriesContext(connection) as captured:
            listed = api.list_themes(user=onlooker, course_key=COURSE_KEY, usage_key=USAGE_KEY)
        return len(captured), listed

    small, _listed = cost()
    for count in (4, 3, 4):
        workspace_with_members(count)
    workspace_with_members(3, theme_key="apprenticeships")  # joins there are requests: one member
    grown, listed = cost()
    assert grown == small
    assert [len(theme.workspaces) for theme in listed] == [4, 1, 0]
    assert [len(w.members) for theme in listed for w in theme.workspaces] == [2, 4, 3, 4, 1]
    assert {(m.country, m.organisation_type) for t in listed for w in t.workspaces for m in w.members} == {
        ("IT", "vet_provider")}
