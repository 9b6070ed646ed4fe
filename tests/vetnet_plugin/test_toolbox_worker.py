"""The upload scan runs as a Celery task on a real worker, after the deposit is committed."""
import pytest

from tests.factories import member
from tests.vetnet_plugin.toolbox_helpers import deposit
from vetnet_plugin import api
from vetnet_plugin.models import ResourceVersion


@pytest.mark.celery_worker
def test_a_deposited_file_is_released_by_the_scan_task_on_the_worker(celery_worker_process):
    author = member()
    resource = deposit(author)
    # The task is enqueued when the deposit commits, so the worker may already
    # have released the file by the time the deposit returns: wait, don't race.
    celery_worker_process.wait_until(
        lambda: ResourceVersion.objects.filter(resource__uuid=resource.uuid, scan_status="clean").exists(),
        message="the scan task did not release the file",
    )
    reader = member()
    ctx = {"course_key": resource.course_key, "context": api.ToolboxContext(moderation="open")}
    download = api.open_resource_download(user=reader, **ctx, resource_uuid=resource.uuid)
    download.file.close()
