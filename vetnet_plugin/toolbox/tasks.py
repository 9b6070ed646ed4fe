"""
Celery tasks of the toolbox. Thin: each one calls a toolbox service.

They are ``shared_task``s, so they run on the platform's own Celery app; the
queue comes from ``VETNET_CELERY_QUEUE`` when the caller enqueues them.
"""
from celery import shared_task

from . import files


@shared_task(name="vetnet.scan_resource_version", acks_late=True)
def scan_resource_version(version_uuid: str) -> str:
    """Run the upload scanner over a newly stored toolbox file, then release or block it."""
    return files.scan_resource_version(version_uuid=version_uuid)
