"""
The shared document of a workspace: open, save (merged on the server), the
latest revision (what the page polls), the revision list and a comparison.

A save names the revision it started from. Under the document row's lock it
is merged with whatever was saved since (``merge.three_way_merge``), so no
save is ever refused and none overwrites another; where two edits truly
collide both texts stay, marked. Opening reads the document row; saving
reads that row and, for a stale save, its base revision (one snapshot and at
most 49 deltas, ``history``): neither grows with the number of revisions
(ADR 0010).
"""
from __future__ import annotations

from difflib import SequenceMatcher

from django.utils.translation import gettext as _

from ..core.access import display_name
from ..core.pagination import paginate
from ..core.rate_limits import check_rate_limit
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import InvalidInput, NotFound
from . import data
from .access import readable_seat, writable_seat
from .history import revision_text, stored_fields
from .merge import conflict_blocks, normalized, three_way_merge
from .models import DocumentRevision, WorkspaceDocument

MAX_DOCUMENT_CHARS = 200_000
MAX_COMPARED_LINES = 5_000


def _document_value(workspace_uuid, document: WorkspaceDocument) -> data.SharedDocument:
    return data.SharedDocument(workspace_uuid=str(workspace_uuid), text=document.text, revision=document.revision,
                         conflicts=document.conflicts, modified=document.modified)


def _document_of(workspace) -> WorkspaceDocument:
    document, _created = WorkspaceDocument.objects.get_or_create(workspace=workspace)
    return document


def get_document(*, user, course_key, workspace_uuid) -> data.SharedDocument:
    """The document's current text and revision (one row, however long its history)."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    return _document_value(seat.workspace.uuid, _document_of(seat.workspace))


def latest_revision(*, user, course_key, workspace_uuid) -> int:
    """The number of the document's latest revision: what an open page polls, cheaply, to know it is behind."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    number = WorkspaceDocument.objects.filter(workspace=seat.workspace).values_list("revision", flat=True).first()
    return number or 0


def _base_text(document: WorkspaceDocument, base: int) -> str:
    text = revision_text(document, base)
    if text is None:
        raise InvalidInput(_("This document has no revision {number}.").format(number=base),
                           errors={"base_revision": [_("No such revision.")]})
    return text


def _conflict_labels(user) -> tuple[str, str]:
    return _("saved by others meanwhile"), _("{name}'s edit").format(name=display_name(user))


@retrying_atomic
def _save(*, document_id: int, user, base: int, text: str,
          base_text: str | None) -> tuple[WorkspaceDocument, bool, int]:
    lock_for_update(WorkspaceDocument.objects.filter(pk=document_id))
    document = WorkspaceDocument.objects.get(pk=document_id)
    if base > document.revision:
        raise InvalidInput(_("This document has no revision {number}.").format(number=base),
                           errors={"base_revision": [_("No such revision.")]})
    if base_text is None:
        base_text = _base_text(document, base)
    latest_label, mine_label = _conflict_labels(user)
    result = three_way_merge(base_text, text, document.text, mine_label=mine_label, latest_label=latest_label)
    if result.text == document.text:
        return document, False, 0  # nothing typed: no new revision
    number = document.revision + 1
    DocumentRevision.objects.create(document=document, number=number, author=user, base=base,
                                    conflicts=result.conflicts, **stored_fields(number, document.text, result.text))
    WorkspaceDocument.objects.filter(pk=document.pk).update(text=result.text, revision=number,
                                                            conflicts=conflict_blocks(result.text))
    document.refresh_from_db()
    return document, base != number - 1, result.conflicts


def save_document(*, user, course_key, workspace_uuid, base_revision: int, text: str,
                  base_text: str | None = None) -> data.SavedDocument:
    """
    Save the member's text, edited from ``base_revision``: merged with every
    save made since, never refused for being stale. Makes one revision when
    it changes the document.

    ``base_text`` is for a page that kept typing while its last save was on
    the way: the edit started from the text it sent then (not from any
    revision's), and ``base_revision`` is the revision that save made.
    """
    if not isinstance(text, str):
        raise InvalidInput(_("Send the document's text."), errors={"text": [_("Send text.")]})
    if base_text is not None and not isinstance(base_text, str):
        raise InvalidInput(_("Send the text the edit started from."), errors={"base_text": [_("Send text.")]})
    if len(text) > MAX_DOCUMENT_CHARS or len(base_text or "") > MAX_DOCUMENT_CHARS:
        message = _("A document holds at most {count} characters.").format(count=MAX_DOCUMENT_CHARS)
        raise InvalidInput(message, errors={"text": [message]})
    if isinstance(base_revision, bool) or not isinstance(base_revision, int) or base_revision < 0:
        raise InvalidInput(_("Name the revision the edit started from."),
                           errors={"base_revision": [_("A revision number.")]})
    seat = writable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    check_rate_limit(action="document_save", queryset=DocumentRevision.objects.filter(author_id=seat.actor.user_id))
    document = _document_of(seat.workspace)
    document, merged, conflicts = _save(document_id=document.pk, user=user, base=base_revision,
                                        text=normalized(text),
                                        base_text=None if base_text is None else normalized(base_text))
    return data.SavedDocument(document=_document_value(seat.workspace.uuid, document), merged=merged,
                              conflicts=conflicts)


def list_revisions(*, user, course_key, workspace_uuid, page: int = 1, page_size: int | None = None):
    """The document's revisions, newest first (who, when, from which base), one page."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    rows = DocumentRevision.objects.filter(document__workspace=seat.workspace).select_related("author").only(
        "number", "author", "created", "base", "conflicts").order_by("-number")
    return paginate(rows, page=page, page_size=page_size, transform=lambda found: [data.SharedDocumentRevision(
        number=row.number, author_name=display_name(row.author), created=row.created, base=row.base,
        conflicts=row.conflicts) for row in found])


def _revision_text(document, number: int) -> str:
    text = revision_text(document, number)
    if text is None:
        raise NotFound(_("This document has no revision {number}.").format(number=number))
    return text


def compare_revisions(*, user, course_key, workspace_uuid, older: int, newer: int) -> data.DocumentComparison:
    """The lines removed and added from revision ``older`` to ``newer`` (either order)."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    for number in (older, newer):
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise InvalidInput(_("Choose two revisions to compare."))
    older, newer = sorted((older, newer))
    document = _document_of(seat.workspace)
    before = _revision_text(document, older).splitlines()[:MAX_COMPARED_LINES]
    after = _revision_text(document, newer).splitlines()[:MAX_COMPARED_LINES]
    lines = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            lines.extend(data.DocumentDiffLine(kind="same", text=line) for line in before[i1:i2])
            continue
        lines.extend(data.DocumentDiffLine(kind="removed", text=line) for line in before[i1:i2])
        lines.extend(data.DocumentDiffLine(kind="added", text=line) for line in after[j1:j2])
    return data.DocumentComparison(older=older, newer=newer, lines=tuple(lines))
