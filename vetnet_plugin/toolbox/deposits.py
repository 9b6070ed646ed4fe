"""
The resource toolbox: depositing resources and their versions, moderating
them, and handing out their files.

Files go through Django's storage API under names the server makes up; a
file becomes downloadable only once the scan task has passed it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import uuid as uuid_module
from contextlib import contextmanager

from django.core.files.base import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..conf import setting
from ..exceptions import Conflict, InvalidInput, NotFound
from . import data
from .access import (
    can_moderate,
    check_rate_limit,
    get_visible_resource,
    in_course,
    require_author_or_moderator,
    require_moderator,
    viewer_for,
    visible_resources,
)
from .files import delete_stored_files, storage_name, toolbox_storage
from .metadata import attribute_rows, clean_link, clean_metadata, search_text
from .models import Resource, ResourceAttribute, ResourceVersion
from .render import to_resource
from .tasks import scan_resource_version as scan_task
from .uploads import allowed_extensions, check_upload

log = logging.getLogger(__name__)


def upload_limit(context: data.ToolboxContext | None = None) -> int:
    """The block's upload limit, never above the operator's."""
    operator = int(setting("VETNET_TOOLBOX_MAX_UPLOAD_BYTES"))
    if context is not None and context.max_upload_bytes and context.max_upload_bytes > 0:
        return min(operator, int(context.max_upload_bytes))
    return operator


def upload_extensions() -> list[str]:
    """File extensions members may upload, as the operator configured them."""
    return allowed_extensions(setting("VETNET_TOOLBOX_ALLOWED_EXTENSIONS"))


def _checked_content(*, context, file, filename, link_url):
    """Check the file or link before anything is written; return what to store."""
    if file is not None and link_url:
        message = _("Give either a file or a link, not both.")
        raise InvalidInput(message, errors={"file": [message]})
    if file is None and not link_url:
        message = _("Upload a file or give a link to the resource.")
        raise InvalidInput(message, errors={"file": [message]})
    if link_url:
        return None, clean_link(link_url)
    name = filename or getattr(file, "name", "") or ""
    return check_upload(file, filename=name, max_bytes=upload_limit(context), allowed=upload_extensions()), ""


def _store_file(resource_uuid, version_uuid, file, checked) -> tuple[str, str]:
    """Save the file under a generated name; return (storage name, sha256)."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    name = storage_name(resource_uuid, version_uuid, checked.extension)
    stored = toolbox_storage().save(name, File(file, name=name))
    return stored, digest.hexdigest()


def _new_version(resource, *, number, file, checked, link_url, change_note) -> ResourceVersion:
    version = ResourceVersion(
        uuid=uuid_module.uuid4(), resource=resource, number=number, link_url=link_url,
        change_note=(change_note or "").strip()[:500],
        # A link has no file to scan.
        scan_status=ResourceVersion.SCAN_CLEAN if link_url else ResourceVersion.SCAN_PENDING,
    )
    if checked is not None:
        version.storage_name, version.sha256 = _store_file(resource.uuid, version.uuid, file, checked)
        version.original_filename = checked.filename
        version.content_type = checked.content_type
        version.size = checked.size
    return version


@contextmanager
def _stored_files_cleaned_on_failure():
    """
    Collect names of files stored inside a transaction; if it fails, delete
    them, so a failed deposit leaves neither rows nor orphaned files.
    """
    stored: list[str] = []
    try:
        yield stored
    except BaseException:
        delete_stored_files(stored)
        raise


def _save_version(version: ResourceVersion, stored: list) -> None:
    if version.storage_name:
        stored.append(version.storage_name)
    version.save()
    if version.storage_name:
        _enqueue_scan(version.uuid)


def _enqueue_scan(version_uuid) -> None:
    queue = setting("VETNET_CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    transaction.on_commit(
        lambda: scan_task.apply_async(args=[str(version_uuid)], **options)
    )


def _set_attributes(resource: Resource, clean: dict) -> None:
    wanted = set(attribute_rows(clean))
    existing = {(a.kind, a.value): a.pk for a in resource.attributes.all()}
    stale = [pk for row, pk in existing.items() if row not in wanted]
    if stale:
        ResourceAttribute.objects.filter(pk__in=stale).delete()
    ResourceAttribute.objects.bulk_create(
        [ResourceAttribute(resource=resource, kind=kind, value=value, created=resource.created)
         for kind, value in wanted - set(existing)]
    )


@in_course
def deposit_resource(
    *, user, course_key, context: data.ToolboxContext | None = None,
    metadata, file=None, filename: str = "", link_url: str = "",
    in_community_library: bool = True,
) -> data.Resource:
    """
    Deposit a new resource: a file (any binary file object) or a link, with its metadata.

    Published at once, or waiting for staff approval when the context's
    moderation asks for it (course staff always publish at once). Raises
    ``InvalidInput`` with per-field errors and stores nothing if any part is wrong.
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    clean = clean_metadata(metadata, allowed_types=context.resource_types)
    checked, link = _checked_content(context=context, file=file, filename=filename, link_url=link_url)
    check_rate_limit(viewer, "deposit")
    publish_now = context.moderation == "open" or viewer.is_staff
    with _stored_files_cleaned_on_failure() as stored, transaction.atomic():
        resource = Resource.objects.create(
            course_key=viewer.course_key,
            usage_key=context.usage_key or "",
            max_upload_bytes=max(0, int(context.max_upload_bytes or 0)),
            author=user,
            in_community_library=bool(in_community_library) and context.scope != "course",
            status=Resource.PUBLISHED if publish_now else Resource.PENDING,
            title=clean["title"], description=clean["description"], resource_type=clean["resource_type"],
            country=clean["country"], target_group=clean["target_group"], licence=clean["licence"],
            search_text=search_text(clean),
        )
        _set_attributes(resource, clean)
        version = _new_version(resource, number=1, file=file, checked=checked, link_url=link, change_note="")
        _save_version(version, stored)
        Resource.objects.filter(pk=resource.pk).update(current_version=version)
    return get_resource(user=user, course_key=course_key, context=context, resource_uuid=resource.uuid)


@in_course
def add_resource_version(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, file=None, filename: str = "", link_url: str = "",
    change_note: str = "",
) -> data.Resource:
    """
    Add a new version of the author's own resource; the older ones stay in its history.

    Under staff approval a new version by a member sends the resource back
    to the moderation queue. A rejected upload leaves the resource as it was.
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    limits = _limits_for_version(context, get_visible_resource(viewer, resource_uuid))
    checked, link = _checked_content(context=limits, file=file, filename=filename, link_url=link_url)
    check_rate_limit(viewer, "deposit")
    with _stored_files_cleaned_on_failure() as stored, transaction.atomic():
        resource = get_visible_resource(viewer, resource_uuid, for_update=True)
        require_author_or_moderator(viewer, resource)
        number = (resource.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        version = _new_version(
            resource, number=number, file=file, checked=checked, link_url=link, change_note=change_note
        )
        _save_version(version, stored)
        changes = {"current_version": version}
        if _from_its_block(context, resource):
            changes["max_upload_bytes"] = max(0, int(context.max_upload_bytes or 0))
        if context.moderation == "approval" and not can_moderate(viewer, resource):
            changes.update(status=Resource.PENDING, moderation_reason="")
        Resource.objects.filter(pk=resource.pk).update(**changes)
    return get_resource(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid)


def _from_its_block(context: data.ToolboxContext, resource: Resource) -> bool:
    return bool(context.usage_key) and context.usage_key == resource.usage_key


def _limits_for_version(context: data.ToolboxContext, resource: Resource) -> data.ToolboxContext:
    """
    The context a new version's file is checked in: the block the resource was
    deposited in knows its current limit; anywhere else (the REST API, another
    block) the lower of the caller's limit and the one the first deposit obeyed.
    """
    if _from_its_block(context, resource) or not resource.max_upload_bytes:
        return context
    if context.max_upload_bytes and 0 < context.max_upload_bytes <= resource.max_upload_bytes:
        return context
    return dataclasses.replace(context, max_upload_bytes=resource.max_upload_bytes)


def _apply_metadata(resource: Resource, clean: dict, **extra) -> None:
    for name in ("title", "description", "resource_type", "country", "target_group", "licence"):
        setattr(resource, name, clean[name])
    for name, value in extra.items():
        setattr(resource, name, value)
    resource.search_text = search_text(clean)
    resource.save()
    _set_attributes(resource, clean)


@in_course
def update_resource(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, metadata
) -> data.Resource:
    """
    Change a resource's metadata (its author or course staff); all fields are replaced.

    Under staff approval a member's change to a published resource waits as its
    pending change: members keep seeing the approved text until staff approve it
    (``approve_resource_change``). A later edit replaces the waiting one.
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    clean = clean_metadata(metadata, allowed_types=context.resource_types)
    with transaction.atomic():
        resource = get_visible_resource(viewer, resource_uuid, for_update=True)
        require_author_or_moderator(viewer, resource)
        if (
            context.moderation == "approval" and resource.status == Resource.PUBLISHED
            and not can_moderate(viewer, resource)
        ):
            Resource.objects.filter(pk=resource.pk).update(pending_change=clean, pending_change_at=timezone.now())
        else:
            _apply_metadata(resource, clean, pending_change=None, pending_change_at=None)
    return get_resource(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid)


@in_course
def approve_resource_change(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid
) -> data.Resource:
    """Publish the change waiting on a resource: members see the new text from now on. Course staff only."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    with transaction.atomic():
        resource = get_visible_resource(viewer, resource_uuid, for_update=True)
        require_moderator(viewer, resource)
        if not resource.pending_change:
            raise Conflict(_("No change to this resource is waiting for approval."))
        clean = clean_metadata(resource.pending_change)
        _apply_metadata(resource, clean, pending_change=None, pending_change_at=None, moderation_reason="")
    return get_resource(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid)


@in_course
def reject_resource_change(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, reason: str
) -> data.Resource:
    """Decline the change waiting on a resource, with a reason its author sees; the approved text stays."""
    reason = _moderation_reason(reason)
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    with transaction.atomic():
        resource = get_visible_resource(viewer, resource_uuid, for_update=True)
        require_moderator(viewer, resource)
        if not resource.pending_change:
            raise Conflict(_("No change to this resource is waiting for approval."))
        Resource.objects.filter(pk=resource.pk).update(
            pending_change=None, pending_change_at=None, moderation_reason=reason
        )
    return get_resource(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid)


@in_course
def withdraw_resource(*, user, course_key, context: data.ToolboxContext | None = None, resource_uuid) -> None:
    """Delete a resource and every version's file (its author or course staff)."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    with transaction.atomic():
        resource = get_visible_resource(viewer, resource_uuid, for_update=True)
        require_author_or_moderator(viewer, resource)
        names = [n for n in resource.versions.values_list("storage_name", flat=True) if n]
        resource.delete()
        transaction.on_commit(lambda: delete_stored_files(names))


@in_course
def get_resource(*, user, course_key, context: data.ToolboxContext | None = None, resource_uuid) -> data.Resource:
    """One resource the user may see in this context, with its history for the author and staff."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    resource = get_visible_resource(viewer, resource_uuid)
    return to_resource(resource, user=user, can_moderate=can_moderate(viewer, resource), with_history=True)


@in_course
def visible_resource_titles(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuids
) -> dict[str, str]:
    """
    Of ``resource_uuids``, those the user may see in this context now, by uuid
    string, with their titles: one query, for a page listing resources it
    refers to (a workspace's attachments). Ids that are not uuids are ignored.
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    wanted = set()
    for value in resource_uuids:
        try:
            wanted.add(uuid_module.UUID(str(value)))
        except (TypeError, ValueError, AttributeError):
            continue
    if not wanted:
        return {}
    rows = visible_resources(viewer).filter(uuid__in=wanted).values_list("uuid", "title")
    return {str(resource_uuid): title for resource_uuid, title in rows}


def _moderate(*, user, course_key, context, resource_uuid, status: str, reason: str = "") -> data.Resource:
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    with transaction.atomic():
        resource = get_visible_resource(viewer, resource_uuid, for_update=True)
        require_moderator(viewer, resource)
        Resource.objects.filter(pk=resource.pk).update(status=status, moderation_reason=reason)
    return get_resource(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid)


@in_course
def approve_resource(*, user, course_key, context: data.ToolboxContext | None = None, resource_uuid) -> data.Resource:
    """Publish a pending (or hidden, or rejected) resource. Course staff only."""
    return _moderate(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid,
                     status=Resource.PUBLISHED)


def _moderation_reason(reason) -> str:
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        message = _("Tell the author why the resource is rejected.")
        raise InvalidInput(message, errors={"reason": [message]})
    if len(reason) > 2000:
        message = _("Use at most {limit} characters.").format(limit=2000)
        raise InvalidInput(message, errors={"reason": [message]})
    return reason


@in_course
def reject_resource(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, reason: str
) -> data.Resource:
    """Reject a resource with a reason its author sees. Course staff only."""
    reason = _moderation_reason(reason)
    return _moderate(user=user, course_key=course_key, context=context, resource_uuid=resource_uuid,
                     status=Resource.REJECTED, reason=reason)


@in_course
def hide_resource(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, reason: str = ""
) -> data.Resource:
    """Hide a published resource from members. Course staff only."""
    return _moderate(
        user=user, course_key=course_key, context=context, resource_uuid=resource_uuid, status=Resource.HIDDEN,
        reason=(reason or "").strip(),
    )


@in_course
def open_resource_download(
    *, user, course_key, context: data.ToolboxContext | None = None, resource_uuid, version: int | None = None
) -> data.Download:
    """
    Open a resource's file for download and count the download.

    Members get the current version; older versions are for the author and
    staff. A file still being scanned is a ``Conflict`` (try again later).
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    resource = get_visible_resource(viewer, resource_uuid)
    if version is None:
        chosen = resource.current_version
    else:
        if resource.author_id != user.id and not can_moderate(viewer, resource):
            if not resource.current_version or resource.current_version.number != int(version):
                raise NotFound(_("Only the author and staff can download earlier versions."))
        chosen = resource.versions.filter(number=int(version)).first()
    if chosen is None:
        raise NotFound(_("This resource has no such version."))
    if not chosen.storage_name:
        raise InvalidInput(_("This resource is a link, not a file: open the link instead."))
    if chosen.scan_status == ResourceVersion.SCAN_PENDING:
        raise Conflict(_("The file is still being checked; please try again in a minute."))
    if chosen.scan_status != ResourceVersion.SCAN_CLEAN:
        raise NotFound(_("This file cannot be downloaded: it did not pass the safety check."))
    try:
        handle = toolbox_storage().open(chosen.storage_name, "rb")
    except (FileNotFoundError, OSError) as exc:
        log.error("Toolbox file %s of resource %s is missing", chosen.storage_name, resource.uuid)
        raise NotFound(_("The file of this resource is missing; please tell the course staff.")) from exc
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)
    return data.Download(file=handle, filename=chosen.original_filename, content_type=chosen.content_type,
                         size=chosen.size)
