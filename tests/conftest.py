"""
Test infrastructure shared by the whole suite: markers and a real Celery worker.

`make test` runs the suite twice. The first pass is on SQLite, in memory, with
tasks run eagerly; the second is on MariaDB with Redis as the Celery broker.
Three markers decide where a test runs; the Makefile selects them, so a test
that needs a service fails when the service is missing instead of being
skipped:

- ``services``: talks to MariaDB or Redis itself; second pass only.
- ``celery_worker``: its tasks go through Redis to a real ``celery -A devhost
  worker`` process that shares the test database; second pass only. The test
  runs in a transactional database (the worker cannot see a test's
  uncommitted rows) and with eager execution switched off; the
  ``celery_worker_process`` fixture gives the worker, whose ``wait_until``
  polls for what the task should have done.
- ``browser``: drives Debian's Chromium; first pass only.

A test that needs a real worker::

    @pytest.mark.celery_worker
    def test_refresh_reaches_the_worker(celery_worker_process):
        api.something_that_enqueues_on_commit(...)
        celery_worker_process.wait_until(lambda: Model.objects.filter(...).exists())
"""
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]

# Set by the Makefile for the pass on real services: a pass that selected none
# of these markers would prove nothing about those services, yet pass.
REQUIRED_MARKERS_ENV = "VETNET_REQUIRED_MARKERS"


def pytest_configure(config):
    config.addinivalue_line("markers", "services: needs MariaDB and Redis (run in the pass on real services)")


def pytest_collection_modifyitems(config, items):  # pylint: disable=unused-argument
    for item in items:
        if item.get_closest_marker("celery_worker") is None:
            continue
        db_marker = item.get_closest_marker("django_db")
        if db_marker is None:
            item.add_marker(pytest.mark.django_db(transaction=True))
        elif not db_marker.kwargs.get("transaction"):
            raise pytest.UsageError(
                f"{item.nodeid}: a celery_worker test needs django_db(transaction=True), "
                "or no django_db marker at all: the worker cannot see uncommitted rows."
            )


def pytest_collection_finish(session):
    required = [name for name in os.environ.get(REQUIRED_MARKERS_ENV, "").split(",") if name]
    missing = [name for name in required if not any(item.get_closest_marker(name) for item in session.items)]
    if missing:
        raise pytest.UsageError(
            f"{REQUIRED_MARKERS_ENV} asks for tests marked {', '.join(missing)}, and none was selected."
        )


class CeleryWorker:
    """A ``celery -A devhost worker`` process started for this test session."""

    def __init__(self, process, nodename, log_path, database):
        self.process = process
        self.nodename = nodename
        self.log_path = log_path
        self.database = database

    @property
    def pid(self):
        return self.process.pid

    def log(self):
        return Path(self.log_path).read_text(encoding="utf-8", errors="replace")

    def wait_until(self, condition, timeout=30.0, interval=0.1, message="the worker did not do it"):
        """
        Poll ``condition()`` until it is true; fail with the worker's log otherwise.

        The suite runs the worker without a result backend, as the plugin's
        tasks are fire-and-forget; their effect on the database is what counts.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                break
            time.sleep(interval)
        pytest.fail(f"{message} within {timeout:.0f}s.\n--- worker log (tail) ---\n{self.log()[-4000:]}", pytrace=False)


def _die_with_parent():
    # A worker that outlived a killed test run would consume the next run's tasks.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _queues(app):
    from django.conf import settings  # pylint: disable=import-outside-toplevel

    queues = [app.conf.task_default_queue]
    plugin_queue = getattr(settings, "VETNET_CELERY_QUEUE", None)
    if plugin_queue and plugin_queue not in queues:
        queues.append(plugin_queue)
    return queues


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, tmp_path_factory):  # pylint: disable=unused-argument
    """
    Start a real Celery worker on the Redis broker, against the test database.

    Only the pass on MariaDB can give a worker the test database (SQLite's
    in-memory database lives inside the test process); anywhere else the
    fixture fails, and says how to run the test.
    """
    from django.conf import settings  # pylint: disable=import-outside-toplevel
    from django.db import connection  # pylint: disable=import-outside-toplevel

    from devhost.celery import app  # pylint: disable=import-outside-toplevel

    broker = settings.CELERY_BROKER_URL
    how = "run it in the pass on real services: `make test-services`"
    if not broker.startswith(("redis://", "rediss://")):
        pytest.fail(f"A real worker needs VETNET_CELERY_BROKER set to a Redis URL (it is {broker!r}); {how}.",
                    pytrace=False)
    if connection.vendor == "sqlite":
        pytest.fail(f"A real worker cannot share SQLite's in-memory test database; {how}.", pytrace=False)
    broker_error = None
    try:
        with app.connection_for_write() as broker_connection:
            broker_connection.ensure_connection(max_retries=2)
            for queue in _queues(app):
                # Leftovers of an interrupted run must not run against this database.
                broker_connection.default_channel.queue_purge(queue)
    except Exception as error:  # pylint: disable=broad-except
        broker_error = error
    if broker_error is not None:
        pytest.fail(f"The Celery broker {broker} does not answer ({broker_error}); start Redis (see .ci/run).",
                    pytrace=False)

    database = connection.settings_dict["NAME"]
    nodename = f"vetnet-test-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="devhost.test_settings",
        # The worker is not a test run: it must open the database pytest created.
        VETNET_MYSQL_DATABASE=database,
        VETNET_CELERY_BROKER=broker,
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT / "conf"), str(REPO_ROOT),
                                                 os.environ.get("PYTHONPATH")])),
        PYTHONUNBUFFERED="1",
    )
    command = [
        sys.executable, "-m", "celery", "-A", "devhost", "worker",
        "--pool=solo", "--loglevel=INFO", "--without-gossip", "--without-mingle",
        "--hostname", nodename, "--queues", ",".join(_queues(app)),
        "--include", "tests.celery_tasks",
    ]
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(  # pylint: disable=consider-using-with
            command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent,
        )
    worker = CeleryWorker(process, nodename, log_path, database)
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[nodename], timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start.\n--- worker log ---\n{worker.log()[-4000:]}",
                            pytrace=False)
        yield worker
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(autouse=True)
def _tasks_through_the_broker(request):
    """In a ``celery_worker`` test, tasks leave the process for the real worker."""
    if request.node.get_closest_marker("celery_worker") is None:
        yield
        return
    request.getfixturevalue("celery_worker_process")
    from devhost.celery import app  # pylint: disable=import-outside-toplevel

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def _default_language():
    """
    Every test starts in the site's default language.

    The locale middleware activates a request's language on the test's own
    thread and nothing switches it back, so one test's Italian page would
    otherwise leak into the next test's messages.
    """
    from django.conf import settings  # pylint: disable=import-outside-toplevel
    from django.utils import translation  # pylint: disable=import-outside-toplevel

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_request_cache():
    """
    Every test is a request of its own: it starts with an empty request cache.

    In the site the ``RequestCacheMiddleware`` empties it around each request;
    a test that calls the API directly has no request around it, so one test's
    resolved actors (keyed by user id, which a rolled-back database hands out
    again) would otherwise reach the next test. Within a test the cache stays,
    as within one request.
    """
    from edx_django_utils.cache import RequestCache  # pylint: disable=import-outside-toplevel

    RequestCache.clear_all_namespaces()
    yield
    RequestCache.clear_all_namespaces()
