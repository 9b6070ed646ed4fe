"""
Writes that many members make at the same moment on the same object.

A vote, a flag, a review or an adoption inserts a child row and updates a
counter kept on its parent. On MariaDB, inserting the child takes a shared
lock on the parent (the foreign-key check); two writers that both then update
the parent's counter each wait for the other's shared lock: a deadlock. So
every such write locks the parent row first, for update, and only then
touches the child and the counter: writers of one object queue up behind one
lock instead of deadlocking.

What remains transient (a lock-wait timeout under a long queue, a deadlock
with a writer that takes locks in another order, SQLite's "database is
locked") is retried: the whole transaction again, after a short random pause.
A retry is only safe for a transaction that started here, because the
database has rolled the whole of it back; inside someone else's transaction
the error goes on to its owner.
"""
from __future__ import annotations

import functools
import logging
import random
import time

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.utils.translation import gettext as _

from ..exceptions import Conflict

__all__ = ["is_transient_lock_error", "lock_for_update", "retrying_atomic"]

log = logging.getLogger(__name__)

# MySQL/MariaDB: ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT.
_MYSQL_TRANSIENT_CODES = frozenset({1213, 1205})
_SQLITE_TRANSIENT_MESSAGES = ("database is locked", "database table is locked")

ATTEMPTS = 6
_FIRST_PAUSE = 0.02  # seconds; doubled on every attempt, with jitter


def is_transient_lock_error(error: BaseException) -> bool:
    """True for a deadlock, a lock-wait timeout or a locked SQLite database: worth trying again."""
    if not isinstance(error, OperationalError):
        return False
    code = error.args[0] if error.args else None
    if isinstance(code, int):
        return code in _MYSQL_TRANSIENT_CODES
    message = str(error).lower()
    return any(text in message for text in _SQLITE_TRANSIENT_MESSAGES)


def _pause(attempt: int) -> None:
    # Random pauses spread the writers out so they do not collide again in step.
    time.sleep(random.uniform(0.5, 1.5) * _FIRST_PAUSE * (2 ** attempt))


def retrying_atomic(func=None, *, using: str = DEFAULT_DB_ALIAS, attempts: int = ATTEMPTS):
    """
    Run ``func`` in ``transaction.atomic()``; on a transient lock error, run it again.

    Use as ``@retrying_atomic`` or ``@retrying_atomic(using=...)``. ``func``
    must do nothing outside the database that cannot be repeated (anything
    after commit belongs in ``transaction.on_commit``, which a rolled-back
    attempt drops). Inside an outer transaction it is a plain ``atomic``.
    When every attempt met a lock, the caller gets ``Conflict`` (a 409 with a
    message that asks to try again), never a server error.
    """

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            if connections[using].in_atomic_block:
                with transaction.atomic(using=using):
                    return function(*args, **kwargs)
            for attempt in range(attempts):
                try:
                    with transaction.atomic(using=using):
                        return function(*args, **kwargs)
                except OperationalError as error:
                    if not is_transient_lock_error(error):
                        raise
                    log.info("Transient lock error in %s (attempt %d): %s", function.__qualname__, attempt + 1, error)
                    if attempt + 1 < attempts:
                        _pause(attempt)
            raise Conflict(_("Many people are doing this at the same moment. Please try again."))

        return wrapper

    return decorate(func) if func is not None else decorate


def lock_for_update(queryset) -> list:
    """
    Lock the rows of ``queryset`` for update, in primary-key order; return their keys.

    Call it first in a ``retrying_atomic`` write: taking the parent's lock
    before writing a child row keeps concurrent writers of one object from
    deadlocking. On SQLite it locks nothing: an immediate transaction
    already holds the database's write lock.
    """
    return list(queryset.select_for_update().order_by("pk").values_list("pk", flat=True))
