"""
Tasks that exist only for the suite's checks of the real Celery worker.

The worker loads this module with ``--include``; the product knows nothing of it.
"""
import os

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import connection


@shared_task
def record_worker_visit(username):
    """Create a user that says which process and which database ran the task."""
    get_user_model().objects.create(
        username=username,
        first_name=str(os.getpid()),
        last_name=connection.settings_dict["NAME"],
    )
