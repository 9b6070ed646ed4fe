"""
The outcome of a workspace: on closing, the facilitator (or staff) publishes
the shared document to the toolbox as a resource, through the toolbox's own
API, so its moderation, file checks and rate limits apply as to any deposit.
Every member is credited by name in the resource's description, and the
attachments the facilitator chose are listed with it, by title and toolbox id.
"""
from __future__ import annotations

import io

from django.utils.translation import gettext as _

from ..core.access import display_name
from ..exceptions import Conflict, InvalidInput
from ..toolbox.api import LICENCES, ToolboxContext, deposit_resource
from .access import managing_seat
from .attachments import outcome_attachments
from .models import Workspace, WorkspaceDocument, WorkspaceMembership


def publish_outcome(*, user, course_key, workspace_uuid, licence: str, description: str = "") -> str:
    """
    Deposit the closing workspace's document in the toolbox; returns the resource's uuid.

    Published at once for staff, waiting for the toolbox's moderation otherwise;
    a workspace publishes one outcome.
    """
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    workspace = seat.workspace
    if workspace.state != Workspace.CLOSING:
        raise Conflict(_("The outcome is published while the workspace is closing."))
    if workspace.outcome_resource_uuid:
        raise Conflict(_("This workspace has already published its outcome."))
    if licence not in {code for code, _label in LICENCES}:
        raise InvalidInput(_("Choose a licence from the list."), errors={"licence": [_("Choose from the list.")]})
    if not isinstance(description, str) or len(description) > 5000:
        raise InvalidInput(_("Keep the description under 5000 characters."),
                           errors={"description": [_("Too long.")]})
    text = WorkspaceDocument.objects.filter(workspace=workspace).values_list("text", flat=True).first() or ""
    if not text.strip():
        raise Conflict(_("The shared document is empty: write the outcome first."))
    members = WorkspaceMembership.objects.filter(workspace=workspace, status=WorkspaceMembership.MEMBER) \
        .select_related("user").order_by("created", "pk")
    names = ", ".join(display_name(row.user) for row in members)
    credit = _("Written together in the workspace “{title}” by {names}.").format(title=workspace.title, names=names)
    chosen = outcome_attachments(seat)
    if chosen:
        listed = "\n".join(f"- {item.title} ({item.resource_uuid})" for item in chosen)
        heading = _("Resources used")
        text = f"{text.rstrip()}\n\n## {heading}\n\n{listed}\n"
        credit = f"{credit}\n\n{heading}:\n{listed}"
    file = io.BytesIO(text.encode("utf-8"))
    file.name = "outcome.md"
    theme = workspace.theme
    resource = deposit_resource(
        user=user, course_key=str(seat.actor.course_key),
        context=ToolboxContext(scope="both", moderation="approval"),
        metadata={"title": workspace.title[:200], "description": "\n\n".join(p for p in (description.strip(), credit)
                                                                             if p)[:10000],
                  "resource_type": "project_result", "licence": licence,
                  "sectors": [theme.sector] if theme.sector else []},
        file=file, filename="outcome.md")
    Workspace.objects.filter(pk=workspace.pk).update(outcome_resource_uuid=resource.uuid)
    return str(resource.uuid)
