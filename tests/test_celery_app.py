"""The development host gives tasks a Celery app the way the LMS does."""
from celery import current_app, shared_task

from devhost.celery import app


def test_the_host_app_is_current_so_shared_tasks_bind_to_it():
    @shared_task
    def noop():
        return "done"

    assert current_app.main == "devhost"
    assert noop.app is app


def test_tasks_run_eagerly_by_default():
    @shared_task
    def double(value):
        return value * 2

    assert app.conf.task_always_eager
    assert double.delay(21).get() == 42
