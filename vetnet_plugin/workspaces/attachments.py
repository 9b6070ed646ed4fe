"""
Toolbox resources attached to a workspace, and the ones chosen to go with
its published outcome.

The toolbox keeps the resources and decides who sees them: a member attaches
a published resource they can see in the course's or the community library
(``toolbox.api``), and every listing asks the toolbox again, in one query, so
a resource withdrawn or hidden since shows only as its title.
"""
from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..core.access import display_name
from ..exceptions import Conflict, InvalidInput, NotFound
from ..toolbox.api import ResourceFilters, ToolboxContext, get_resource, list_resources, visible_resource_titles
from . import data
from .access import Seat, managing_seat, readable_seat, writable_seat
from .models import WorkspaceAttachment

MAX_ATTACHMENTS = 50
MAX_SEARCH_RESULTS = 10


def in_toolbox(seat: Seat) -> dict:
    """The toolbox as a workspace reaches it: the course's own resources and the community library."""
    return {"course_key": str(seat.actor.course_key), "context": ToolboxContext(scope="both")}


def _resource_uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError) as error:
        raise NotFound(_("No such resource here, or it is not visible to you.")) from error


def _values(seat: Seat, rows) -> list[data.WorkspaceAttachment]:
    rows = list(rows)
    visible = visible_resource_titles(user=seat.actor.user, **in_toolbox(seat),
                                      resource_uuids=[row.resource_uuid for row in rows]) if rows else {}
    return [data.WorkspaceAttachment(
        resource_uuid=str(row.resource_uuid), title=visible.get(str(row.resource_uuid), row.title),
        added_by_name=display_name(row.added_by), for_outcome=row.for_outcome,
        available=str(row.resource_uuid) in visible, created=row.created) for row in rows]


def _attachments(workspace):
    return WorkspaceAttachment.objects.filter(workspace=workspace).select_related("added_by").order_by("created", "pk")


def list_attachments(*, user, course_key, workspace_uuid) -> list[data.WorkspaceAttachment]:
    """The workspace's attached resources, in the order they were attached (who may read the workspace)."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    return _values(seat, _attachments(seat.workspace))


def find_attachable_resources(*, user, course_key, workspace_uuid, search: str = ""
                              ) -> list[data.AttachableResource]:
    """
    Published resources of the course's and the community library matching
    ``search`` (at most 10, newest first), for a member choosing what to attach.
    """
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    if not isinstance(search, str) or len(search) > 200:
        message = _("Search with at most 200 characters.")
        raise InvalidInput(message, errors={"search": [message]})
    found = list_resources(user=user, **in_toolbox(seat), filters=ResourceFilters(search=search.strip()),
                           page_size=MAX_SEARCH_RESULTS, with_facets=False)
    attached = {str(value) for value in WorkspaceAttachment.objects.filter(workspace=seat.workspace).values_list(
        "resource_uuid", flat=True)}
    return [data.AttachableResource(resource_uuid=item.uuid, title=item.title, resource_type=item.resource_type,
                                    in_community_library=item.in_community_library, attached=item.uuid in attached)
            for item in found.items if item.status == "published"]


def attach_resource(*, user, course_key, workspace_uuid, resource_uuid) -> data.WorkspaceAttachment:
    """Attach a published resource the member can see in the toolbox (members and staff); once per resource."""
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    wanted = _resource_uuid(resource_uuid)
    resource = get_resource(user=user, **in_toolbox(seat), resource_uuid=wanted)
    if resource.status != "published":
        raise Conflict(_("Only published resources can be attached: the other members could not open this one."))
    if WorkspaceAttachment.objects.filter(workspace=seat.workspace).count() >= MAX_ATTACHMENTS:
        raise Conflict(_("A workspace holds at most {limit} attachments.").format(limit=MAX_ATTACHMENTS))
    try:
        with transaction.atomic():
            WorkspaceAttachment.objects.create(workspace=seat.workspace, resource_uuid=wanted,
                                               title=resource.title[:200], added_by=seat.actor.user)
    except IntegrityError as error:
        raise Conflict(_("This resource is already attached.")) from error
    return _values(seat, _attachments(seat.workspace).filter(resource_uuid=wanted))[0]


def _attachment(seat: Seat, resource_uuid) -> WorkspaceAttachment:
    row = WorkspaceAttachment.objects.filter(workspace=seat.workspace, resource_uuid=_resource_uuid(resource_uuid)
                                             ).first()
    if row is None:
        raise NotFound(_("This resource is not attached to the workspace."))
    return row


def detach_resource(*, user, course_key, workspace_uuid, resource_uuid) -> None:
    """Take an attachment off the workspace (members and staff); the resource stays in the toolbox."""
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    _attachment(seat, resource_uuid).delete()


def choose_for_outcome(*, user, course_key, workspace_uuid, resource_uuid, chosen: bool
                       ) -> data.WorkspaceAttachment:
    """The facilitator (or staff) chooses whether an attachment goes with the published outcome."""
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    row = _attachment(seat, resource_uuid)
    WorkspaceAttachment.objects.filter(pk=row.pk).update(for_outcome=bool(chosen))
    return _values(seat, _attachments(seat.workspace).filter(pk=row.pk))[0]


def outcome_attachments(seat: Seat) -> list[data.WorkspaceAttachment]:
    """The chosen attachments the publisher can still see, for the outcome's list of resources."""
    return [item for item in _values(seat, _attachments(seat.workspace).filter(for_outcome=True)) if item.available]
