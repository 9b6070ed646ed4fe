"""
Where toolbox files are stored, and the safety scan that releases them.

Files go through Django's storage API under names the server makes up; a
file becomes downloadable only once the scan (a Celery task) has passed it.
"""
from __future__ import annotations

import logging

from django.core.files.storage import default_storage, storages
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..conf import setting
from .access import parse_uuid
from .models import ResourceVersion

log = logging.getLogger(__name__)


def toolbox_storage():
    """The storage toolbox files live in: the operator's alias, else the default storage."""
    alias = setting("VETNET_TOOLBOX_STORAGE")
    return storages[alias] if alias else default_storage


def storage_name(resource_uuid, version_uuid, extension: str) -> str:
    """Where a version's file is stored: made of ids only, never of what the member typed."""
    prefix = setting("VETNET_TOOLBOX_STORAGE_PREFIX").strip("/")
    return f"{prefix}/{resource_uuid}/{version_uuid}.{extension}"


def delete_stored_files(names) -> None:
    storage = toolbox_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            log.warning("Could not delete toolbox file %s", name)


def scan_resource_version(*, version_uuid) -> str:
    """
    Run the operator's scanner (``VETNET_UPLOAD_SCANNER``) over a stored file
    and record the result; returns the new scan status.

    Without a scanner configured this is a documented no-op that marks the
    file clean. A scanner that fails leaves the file undownloadable (failed).
    """
    version = ResourceVersion.objects.filter(uuid=parse_uuid(version_uuid, what=_("version"))).first()
    if version is None or not version.storage_name:
        return ""
    scanner_path = setting("VETNET_UPLOAD_SCANNER")
    if not scanner_path:
        status = ResourceVersion.SCAN_CLEAN
    else:
        try:
            scanner = import_string(scanner_path)
            with toolbox_storage().open(version.storage_name, "rb") as handle:
                clean = scanner(handle, version.original_filename)
            status = ResourceVersion.SCAN_CLEAN if clean else ResourceVersion.SCAN_INFECTED
        except Exception:  # pylint: disable=broad-except
            # Whatever the scanner does wrong, the file must stay blocked.
            log.exception("Upload scanner failed on toolbox version %s", version.uuid)
            status = ResourceVersion.SCAN_FAILED
    ResourceVersion.objects.filter(pk=version.pk).update(scan_status=status)
    if status == ResourceVersion.SCAN_INFECTED:
        log.warning("Upload scanner blocked toolbox version %s", version.uuid)
    return status
