"""
The discussion stream of a workspace: one thread of the discussion core per
workspace, in the block its theme belongs to.

The core's thread guard for ``workspace:`` targets makes every one of its own
functions (threads, posts, votes, flags, follows, translations, the generic
REST endpoints) ask this module who may read and who may write: readers are
those who may read the workspace's work (its members, course staff, the
course community once the members opted in); writers are its members and
staff while it is not archived. Anyone else is told the thread does not exist.
"""
from __future__ import annotations

from ..discussions.api import Post, Thread, create_post, get_or_create_thread, get_thread, register_thread_guard
from ..exceptions import AccessDenied, NotFound
from .access import Seat, readable_seat, seat_for, writable_seat

WORKSPACE_PREFIX = "workspace:"


def workspace_target(workspace_uuid) -> str:
    """The discussion-core target of a workspace's thread."""
    return f"{WORKSPACE_PREFIX}{workspace_uuid}"


def _thread_id(seat: Seat) -> str:
    workspace = seat.workspace
    return get_or_create_thread(course_key=seat.actor.course_key, usage_key=workspace.theme.usage_key,
                                target=workspace_target(workspace.uuid), title=workspace.title)


def get_workspace_discussion(*, user, course_key, workspace_uuid, page: int = 1, page_size: int | None = None
                             ) -> Thread:
    """One page of the workspace's discussion, oldest first (members, staff, opted-in community)."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    return get_thread(user=user, course_key=seat.actor.course_key, thread_id=_thread_id(seat), page=page,
                      page_size=page_size)


def post_in_workspace(*, user, course_key, workspace_uuid, body: str, parent_id=None) -> Post:
    """Write in the workspace's discussion, or reply to a post there (members and staff, not once archived)."""
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    return create_post(user=user, course_key=seat.actor.course_key, thread_id=_thread_id(seat), body=body,
                       parent_id=parent_id)


def _seat_of_target(user, key, target: str) -> Seat | None:
    try:
        return seat_for(user=user, course_key=key, workspace_uuid=target[len(WORKSPACE_PREFIX):])
    except (NotFound, AccessDenied):
        return None


def _may_read(user, key, target: str) -> bool:
    seat = _seat_of_target(user, key, target)
    return seat is not None and seat.can_read


def _may_write(user, key, target: str) -> bool:
    seat = _seat_of_target(user, key, target)
    return seat is not None and seat.can_write


register_thread_guard(WORKSPACE_PREFIX, _may_read, _may_write)
