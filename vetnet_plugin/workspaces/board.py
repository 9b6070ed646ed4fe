"""The task board of a workspace: tasks with an assignee, a due date and a state (to do, doing, done)."""
from __future__ import annotations

import uuid
from datetime import date

from django.utils.translation import gettext as _

from ..core.access import display_name
from ..core.rate_limits import check_rate_limit
from ..exceptions import InvalidInput, NotFound
from . import data
from .access import readable_seat, writable_seat
from .models import WorkspaceMembership, WorkspaceTask
from .notices import notify_on_commit

_UNSET = object()


def _task_value(task: WorkspaceTask) -> data.BoardTask:
    return data.BoardTask(uuid=str(task.uuid), title=task.title, state=task.state, assignee_id=task.assignee_id,
                     assignee_name=display_name(task.assignee), due=task.due)


def _title(value) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
        message = _("Give the task a title of at most 200 characters.")
        raise InvalidInput(message, errors={"title": [message]})
    return value.strip()


def _state(value) -> str:
    if value not in data.TASK_STATES:
        message = _("Choose to do, doing or done.")
        raise InvalidInput(message, errors={"state": [message]})
    return value


def _due(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        message = _("Give the date as YYYY-MM-DD.")
        raise InvalidInput(message, errors={"due": [message]}) from error


def _assignee(workspace, value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(_("Choose a member of the workspace."), errors={"assignee_id": [_("Choose a member.")]})
    if not WorkspaceMembership.objects.filter(workspace=workspace, user_id=value,
                                              status=WorkspaceMembership.MEMBER).exists():
        message = _("Tasks go to members of the workspace.")
        raise InvalidInput(message, errors={"assignee_id": [message]})
    return value


def list_tasks(*, user, course_key, workspace_uuid) -> list[data.BoardTask]:
    """The board, in the order tasks were added."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    tasks = WorkspaceTask.objects.filter(workspace=seat.workspace).select_related("assignee").order_by("created", "pk")
    return [_task_value(task) for task in tasks]


def create_task(*, user, course_key, workspace_uuid, title: str, assignee_id: int | None = None,
                due=None) -> data.BoardTask:
    """Add a task to the board (members and staff); the assignee hears of it by e-mail."""
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    title, due, assignee = _title(title), _due(due), _assignee(seat.workspace, assignee_id)
    check_rate_limit(action="workspace_task", queryset=WorkspaceTask.objects.filter(created_by_id=seat.actor.user_id))
    task = WorkspaceTask.objects.create(workspace=seat.workspace, title=title, due=due, assignee_id=assignee,
                                        created_by=seat.actor.user)
    if assignee and assignee != seat.actor.user_id:
        notify_on_commit("assignment", workspace_id=seat.workspace.pk, user_id=assignee, task_id=task.pk)
    return _task_value(WorkspaceTask.objects.select_related("assignee").get(pk=task.pk))


def update_task(*, user, course_key, workspace_uuid, task_uuid, title=_UNSET, state=_UNSET, assignee_id=_UNSET,
                due=_UNSET) -> data.BoardTask:
    """Change what is given of a task (its title, state, assignee or due date)."""
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    try:
        wanted = uuid.UUID(str(task_uuid))
    except ValueError as error:
        raise NotFound(_("No such task in this workspace.")) from error
    task = WorkspaceTask.objects.filter(workspace=seat.workspace, uuid=wanted).first()
    if task is None:
        raise NotFound(_("No such task in this workspace."))
    changes = {}
    if title is not _UNSET:
        changes["title"] = _title(title)
    if state is not _UNSET:
        changes["state"] = _state(state)
    if due is not _UNSET:
        changes["due"] = _due(due)
    if assignee_id is not _UNSET:
        changes["assignee_id"] = _assignee(seat.workspace, assignee_id)
    for name, value in changes.items():
        setattr(task, name, value)
    # Only the fields given are written, so members changing different fields of one task at once all keep theirs.
    task.save(update_fields=[*changes, "modified"])
    new_assignee = changes.get("assignee_id")
    if new_assignee and new_assignee != seat.actor.user_id:
        notify_on_commit("assignment", workspace_id=seat.workspace.pk, user_id=new_assignee, task_id=task.pk)
    return _task_value(WorkspaceTask.objects.select_related("assignee").get(pk=task.pk))
