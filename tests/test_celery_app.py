"""The development host gives tasks a Celery app the way the LMS does."""
from celery import current_app, shared_task
from celery.result import allow_join_result

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
    # A real worker started earlier in the same run marks this thread as one that must not wait on results.
    with allow_join_result():
        assert double.delay(21).get() == 42
