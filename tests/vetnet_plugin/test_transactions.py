"""
The retrying write every counter beside a child row goes through
(``vetnet_plugin.core.transactions``): a deadlock, a lock-wait timeout or a
locked SQLite database runs the whole transaction again, and a member who
meets one that never clears gets a 409 asking to try again, never a 500.
"""
import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError, transaction
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api
from vetnet_plugin.core import transactions
from vetnet_plugin.core.transactions import (
    ATTEMPTS,
    is_transient_lock_error,
    retrying_atomic,
)
from vetnet_plugin.exceptions import Conflict

User = get_user_model()

DEADLOCK = OperationalError(1213, "Deadlock found when trying to get lock; try restarting transaction")
LOCK_WAIT = OperationalError(1205, "Lock wait timeout exceeded; try restarting transaction")
SQLITE_LOCKED = OperationalError("database is locked")


@pytest.fixture(autouse=True)
def _no_pauses(monkeypatch):
    monkeypatch.setattr(transactions, "_pause", lambda attempt: None)


def flaky_write(failures):
    """A write that creates a user, then meets ``failures`` (one per attempt) before it can commit."""
    calls = []

    @retrying_atomic
    def write():
        calls.append(1)
        User.objects.create(username=f"attempt-{len(calls)}")
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return len(calls)

    return write, calls


@pytest.mark.parametrize("error", [DEADLOCK, LOCK_WAIT, SQLITE_LOCKED], ids=["deadlock", "lock-wait", "sqlite"])
def test_a_write_that_meets_a_transient_lock_is_run_again_and_commits_once(transactional_db, error):
    write, calls = flaky_write([error, error])

    assert write() == 3

    assert len(calls) == 3
    # The attempts that failed were rolled back whole: only the last one's row is left.
    assert list(User.objects.filter(username__startswith="attempt-").values_list("username", flat=True)) == [
        "attempt-3"]


@pytest.mark.django_db(transaction=True)
def test_a_lock_that_never_clears_is_a_conflict_that_asks_to_try_again():
    write, calls = flaky_write([DEADLOCK] * ATTEMPTS)

    with pytest.raises(Conflict) as refused:
        write()

    assert len(calls) == ATTEMPTS
    assert refused.value.status_code == 409
    assert "try again" in refused.value.message
    assert not User.objects.filter(username__startswith="attempt-").exists()


@pytest.mark.django_db(transaction=True)
def test_other_database_errors_are_not_retried():
    write, calls = flaky_write([OperationalError(1054, "Unknown column")])

    with pytest.raises(OperationalError):
        write()

    assert len(calls) == 1


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_begun_elsewhere_the_lock_goes_to_its_owner():
    write, calls = flaky_write([DEADLOCK])

    with pytest.raises(OperationalError), transaction.atomic():
        write()

    assert len(calls) == 1


def test_only_deadlocks_lock_timeouts_and_locked_sqlite_are_transient():
    assert all(is_transient_lock_error(error) for error in (DEADLOCK, LOCK_WAIT, SQLITE_LOCKED))
    assert not is_transient_lock_error(OperationalError(2006, "MySQL server has gone away"))
    assert not is_transient_lock_error(OperationalError("no such table: vetnet_post"))
    assert not is_transient_lock_error(ValueError("database is locked"))


@pytest.mark.django_db
def test_a_lock_error_reaching_a_rest_view_is_a_409_with_a_message(monkeypatch):
    def deadlocked(**kwargs):
        raise DEADLOCK

    monkeypatch.setattr(api, "vote_post", deadlocked)
    client = APIClient()
    client.force_authenticate(member())

    response = client.put(f"/api/vetnet/v1/courses/{COURSE_KEY}/posts/1/vote/")

    assert response.status_code == 409
    assert "try again" in response.json()["detail"]
