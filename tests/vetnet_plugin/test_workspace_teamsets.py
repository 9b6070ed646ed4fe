"""
A teamset's Open edX teams as workspaces (ADR 0011): the first view of a team
member makes the team's workspace, with the team's members; later views (and
fifty at once, on MariaDB) make nothing twice and remove no one.
"""
import pytest
from django.db import connection

from tests.concurrency import at_once
from tests.factories import COURSE_KEY, UserFactory, member
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied
from vetnet_plugin.models import Workspace, WorkspaceDocument, WorkspaceMembership

from .workspace_helpers import USAGE_KEY, configure


def _team(team_id, people, name="Retrofit crew"):
    return {"team_id": team_id, "name": name, "user_ids": [person.id for person in people]}


def _ensure(user, team):
    return api.team_workspace(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, team=team)


def _members(uuid):
    return set(WorkspaceMembership.objects.filter(workspace__uuid=uuid, status="member").values_list(
        "user_id", flat=True))


@pytest.mark.django_db
def test_a_team_members_first_view_makes_the_teams_workspace_once_with_its_members():
    configure()
    ana, ben, carla = member(), member(), member()
    uuid = _ensure(ana, _team("team-a", [ana, ben]))
    again = _ensure(ben, _team("team-a", [ana, ben]))
    assert again == uuid and Workspace.objects.count() == 1 and WorkspaceDocument.objects.count() == 1
    workspace = api.get_workspace(user=ben, course_key=COURSE_KEY, workspace_uuid=uuid)
    assert (workspace.title, workspace.team_name, workspace.role, workspace.theme_key) == (
        "Retrofit crew", "Retrofit crew", "member", "green-skills")
    assert _members(uuid) == {ana.id, ben.id}

    # Someone who joined the team since is a member at their next view; nobody is removed.
    assert _ensure(carla, _team("team-a", [ben, carla])) == uuid
    assert _members(uuid) == {ana.id, ben.id, carla.id}
    other = _ensure(carla, _team("team-b", [carla], name="Second crew"))
    assert other != uuid and Workspace.objects.count() == 2


@pytest.mark.django_db
def test_only_a_member_of_the_team_and_of_the_community_gets_its_workspace():
    configure()
    ana, outsider = member(), member()
    with pytest.raises(AccessDenied):
        _ensure(outsider, _team("team-a", [ana]))
    with pytest.raises(AccessDenied):  # in the team, but not (or no longer) in the course community
        _ensure(UserFactory(), _team("team-a", [ana]))
    assert Workspace.objects.count() == 0


@pytest.mark.django_db
def test_an_invited_team_member_becomes_a_member_when_their_team_gets_the_workspace():
    configure()
    ana, ben = member(), member()
    uuid = _ensure(ana, _team("team-a", [ana]))
    WorkspaceMembership.objects.create(workspace=Workspace.objects.get(), user=ben, status="invited")
    _ensure(ana, _team("team-a", [ana, ben]))
    assert _members(uuid) == {ana.id, ben.id}
    assert WorkspaceMembership.objects.count() == 2


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_fifty_first_views_of_one_team_at_once_make_one_workspace():
    assert connection.vendor == "mysql"
    configure()
    crowd = [member() for _ in range(50)]
    team = _team("team-a", crowd)
    errors = at_once([(lambda user=user: _ensure(user, team)) for user in crowd])
    assert errors == [], errors
    assert Workspace.objects.count() == 1 and WorkspaceDocument.objects.count() == 1
    assert WorkspaceMembership.objects.filter(status="member").count() == 50
