"""
The workspace block's one road to the plugin: ``WorkspaceBackend``.

One adapter per request: it resolves the acting Django user once and offers
the workspaces' operations by name. Whether someone may read or write a
workspace is decided by the plugin on every call, never by the block.
"""
from __future__ import annotations

from vetnet_plugin import api
from vetnet_plugin.data import Page

from .acting import BlockBackend

__all__ = ["LICENCES", "SECTORS", "TOPICS", "WorkspaceBackend", "check_themes", "configure_themes", "render_markdown"]

TOPICS = api.TOPICS
LICENCES = api.LICENCES
SECTORS = api.SECTORS
render_markdown = api.render_markdown


def check_themes(themes) -> list[dict]:
    """The themes cleaned, or ``InvalidInput`` saying which one the plugin could not work with."""
    return api.check_workspace_themes(themes)


def configure_themes(*, course_key: str, usage_key: str, themes) -> list[api.WorkspaceThemeSettings]:
    """Hand the block's themes (its Studio fields) to the plugin."""
    return api.configure_workspace_themes(course_key=course_key, usage_key=usage_key, themes=themes)


class WorkspaceBackend(BlockBackend):
    """The workspaces' operations for one user in one block."""

    sign_in_message = "Sign in to take part in the workspaces."

    def _in(self, workspace_uuid: str) -> dict:
        return {"user": self.user, "course_key": self.course_key, "workspace_uuid": workspace_uuid}

    def themes(self) -> list[api.ThemeWithWorkspaces]:
        return api.list_themes(user=self.user, course_key=self.course_key, usage_key=self.usage_key)

    def create_workspace(self, *, theme_key: str, title: str, goal: str) -> api.Workspace:
        return api.create_workspace(user=self.user, course_key=self.course_key, usage_key=self.usage_key,
                                    theme_key=theme_key, title=title, goal=goal)

    def workspace(self, workspace_uuid: str) -> api.Workspace:
        return api.get_workspace(**self._in(workspace_uuid))

    def join(self, workspace_uuid: str) -> api.Workspace:
        return api.join_workspace(**self._in(workspace_uuid))

    def leave(self, workspace_uuid: str) -> None:
        api.leave_workspace(**self._in(workspace_uuid))

    def approve(self, workspace_uuid: str, user_id: int) -> api.Workspace:
        return api.approve_join_request(**self._in(workspace_uuid), user_id=user_id)

    def invite(self, workspace_uuid: str, username: str) -> api.Workspace:
        return api.invite_to_workspace(**self._in(workspace_uuid), username=username)

    def set_state(self, workspace_uuid: str, state: str) -> api.Workspace:
        return api.set_workspace_state(**self._in(workspace_uuid), state=state)

    def set_community_readable(self, workspace_uuid: str, readable: bool) -> api.Workspace:
        return api.set_community_readable(**self._in(workspace_uuid), readable=readable)

    def set_notices(self, workspace_uuid: str, enabled: bool) -> None:
        api.set_workspace_notices(**self._in(workspace_uuid), enabled=enabled)

    def publish_outcome(self, workspace_uuid: str, *, licence: str, description: str) -> str:
        return api.publish_outcome(**self._in(workspace_uuid), licence=licence, description=description)

    def document(self, workspace_uuid: str) -> api.SharedDocument:
        return api.get_document(**self._in(workspace_uuid))

    def save_document(self, workspace_uuid: str, *, base_revision: int, text: str,
                      base_text: str | None = None) -> api.SavedDocument:
        return api.save_document(**self._in(workspace_uuid), base_revision=base_revision, text=text,
                                 base_text=base_text)

    def latest_revision(self, workspace_uuid: str) -> int:
        return api.latest_revision(**self._in(workspace_uuid))

    def revisions(self, workspace_uuid: str, *, page: int = 1) -> Page:
        return api.list_revisions(**self._in(workspace_uuid), page=page)

    def compare(self, workspace_uuid: str, *, older: int, newer: int) -> api.DocumentComparison:
        return api.compare_revisions(**self._in(workspace_uuid), older=older, newer=newer)

    def tasks(self, workspace_uuid: str) -> list[api.BoardTask]:
        return api.list_tasks(**self._in(workspace_uuid))

    def create_task(self, workspace_uuid: str, *, title: str, assignee_id: int | None, due) -> api.BoardTask:
        return api.create_task(**self._in(workspace_uuid), title=title, assignee_id=assignee_id, due=due)

    def update_task(self, workspace_uuid: str, task_uuid: str, **changes) -> api.BoardTask:
        return api.update_task(**self._in(workspace_uuid), task_uuid=task_uuid, **changes)

    def activity(self, workspace_uuid: str) -> list[api.WorkspaceActivity]:
        return api.list_activity(**self._in(workspace_uuid))

    def record_visit(self, workspace_uuid: str) -> None:
        api.record_visit(**self._in(workspace_uuid))

    def discussion(self, workspace_uuid: str, *, page: int = 1) -> api.Thread:
        return api.get_workspace_discussion(**self._in(workspace_uuid), page=page)

    def post(self, workspace_uuid: str, *, body: str, parent_id: str | None = None) -> api.Post:
        return api.post_in_workspace(**self._in(workspace_uuid), body=body, parent_id=parent_id)

    def attachments(self, workspace_uuid: str) -> list[api.WorkspaceAttachment]:
        return api.list_attachments(**self._in(workspace_uuid))

    def attachable(self, workspace_uuid: str, *, search: str) -> list[api.AttachableResource]:
        return api.find_attachable_resources(**self._in(workspace_uuid), search=search)

    def attach(self, workspace_uuid: str, resource_uuid: str) -> api.WorkspaceAttachment:
        return api.attach_resource(**self._in(workspace_uuid), resource_uuid=resource_uuid)

    def detach(self, workspace_uuid: str, resource_uuid: str) -> None:
        api.detach_resource(**self._in(workspace_uuid), resource_uuid=resource_uuid)

    def choose_for_outcome(self, workspace_uuid: str, resource_uuid: str, chosen: bool) -> api.WorkspaceAttachment:
        return api.choose_for_outcome(**self._in(workspace_uuid), resource_uuid=resource_uuid, chosen=chosen)

    def teams_available(self) -> bool:
        return api.workspace_teams_available()

    def link_team(self, workspace_uuid: str, team_id: str) -> None:
        api.link_workspace_team(**self._in(workspace_uuid), team_id=team_id)

    def team_workspace(self, teams_service, *, course_id, teamset_id: str) -> str | None:
        """
        Ask the platform's ``teams`` service for the acting person's team in
        the teamset; the uuid of the workspace standing for it (made at the
        first view, with the team's members), or None when they have no team.
        """
        team = teams_service.get_team(self.user, course_id, teamset_id)
        if team is None:
            return None
        value = {"team_id": str(team.team_id), "name": str(team.name),
                 "user_ids": [member.id for member in team.users.all()]}
        return api.team_workspace(user=self.user, course_key=self.course_key, usage_key=self.usage_key, team=value)
