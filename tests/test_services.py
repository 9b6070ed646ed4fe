"""
The pass on real services really runs on them: MariaDB, Redis, a Celery worker.

These tests are selected only in that pass (``make test-services``), where a
missing service fails them; see ``tests/conftest.py``.
"""
import importlib.util
import os
import uuid

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from devhost.celery import app
from tests.celery_tasks import record_worker_visit


@pytest.mark.services
@pytest.mark.django_db
def test_the_database_is_mariadb():
    assert connection.vendor == "mysql"
    assert connection.mysql_is_mariadb
    assert connection.settings_dict["NAME"].startswith("test_")


@pytest.mark.services
def test_redis_is_the_celery_broker_and_answers():
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    assert redis.Redis.from_url(settings.CELERY_BROKER_URL).ping()


@pytest.mark.services
@pytest.mark.celery_worker
def test_a_worker_process_consumes_from_redis_and_writes_the_test_database(celery_worker_process):
    username = f"visit-{uuid.uuid4().hex[:8]}"

    record_worker_visit.delay(username)

    users = get_user_model().objects
    celery_worker_process.wait_until(lambda: users.filter(username=username).exists())
    visit = users.get(username=username)
    assert int(visit.first_name) == celery_worker_process.pid != os.getpid()
    assert visit.last_name == connection.settings_dict["NAME"]


@pytest.mark.services
@pytest.mark.celery_worker
def test_a_task_enqueued_on_commit_is_dropped_with_a_rolled_back_transaction(celery_worker_process):
    # The plugin enqueues with transaction.on_commit: a rolled-back write must
    # not leave a task behind that acts on data that never existed.
    dropped, sentinel = f"dropped-{uuid.uuid4().hex[:8]}", f"sentinel-{uuid.uuid4().hex[:8]}"
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            transaction.on_commit(lambda: record_worker_visit.delay(dropped))
            raise RuntimeError("roll back")
    with transaction.atomic():
        transaction.on_commit(lambda: record_worker_visit.delay(sentinel))

    users = get_user_model().objects
    # One solo worker takes tasks in order: once the sentinel ran, the other would have.
    celery_worker_process.wait_until(lambda: users.filter(username=sentinel).exists())
    assert not users.filter(username=dropped).exists()


@pytest.mark.services
@pytest.mark.celery_worker
def test_the_worker_knows_every_plugin_task(celery_worker_process):
    if importlib.util.find_spec("vetnet_plugin.tasks"):
        importlib.import_module("vetnet_plugin.tasks")
    expected = {name for name in app.tasks if name.startswith("vetnet_plugin.")}
    expected.add(record_worker_visit.name)

    registered = app.control.inspect(destination=[celery_worker_process.nodename], timeout=5).registered()

    assert expected <= set(registered[celery_worker_process.nodename])
