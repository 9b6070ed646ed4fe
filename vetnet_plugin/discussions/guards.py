"""
Threads not every member of the course may read.

The core lets any member of a course read its threads. A feature whose
targets are narrower (a private counselling case: its owner, the advisers it
invited and course staff) registers a guard for its targets' prefix; every
lookup of a thread or post then asks it, and a thread it refuses is simply
not found, so its existence does not leak either.

A guard may also say who writes there (posts, edits, votes): a workspace's
thread is read by the course community when its members opted in, but only
its members write in it, and nobody once it is archived. Without that
second check, whoever reads may write.
"""
from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from ..exceptions import AccessDenied, NotFound

# prefix of a target ("case:") -> may_see(user, course_key, target) -> bool
_GUARDS: dict[str, Callable] = {}
# prefix -> may_write(user, course_key, target) -> bool, for guards that narrow writing further
_WRITE_GUARDS: dict[str, Callable] = {}
# prefix of a target -> hidden(user, course_key, target) -> ids of the authors whose names ``user`` may not read
_MASKS: dict[str, Callable] = {}


def register_author_mask(prefix: str, hidden: Callable) -> None:
    """
    Let ``hidden(user, course_key, target)`` name the authors (user ids) shown
    to ``user`` without their name in the threads whose target starts with
    ``prefix`` (an anonymous counselling case: its owner, for everyone but the
    owner and course staff). Their posts then carry no author id or name.
    """
    _MASKS[str(prefix)] = hidden


def hidden_authors(user, key, target: str) -> frozenset:
    """The user ids whose names ``user`` may not read in the thread about ``target`` (usually none)."""
    found: set = set()
    for prefix, hidden in _MASKS.items():
        if target.startswith(prefix):
            found.update(hidden(user, key, target))
    return frozenset(found)


def register_thread_guard(prefix: str, may_see: Callable, may_write: Callable | None = None) -> None:
    """
    Let ``may_see(user, course_key, target)`` decide who reads the threads whose
    target starts with ``prefix``, and ``may_write`` (same arguments) who posts,
    edits and votes there; without it, whoever may see may write.
    """
    _GUARDS[str(prefix)] = may_see
    if may_write is not None:
        _WRITE_GUARDS[str(prefix)] = may_write
    else:
        _WRITE_GUARDS.pop(str(prefix), None)


def may_see_thread(user, key, target: str) -> bool:
    """True unless a registered guard refuses ``user`` the thread about ``target``."""
    for prefix, may_see in _GUARDS.items():
        if target.startswith(prefix) and not may_see(user, key, target):
            return False
    return True


def check_thread(user, key, target: str) -> None:
    """``NotFound`` when a guard refuses ``user`` the thread about ``target``."""
    if not may_see_thread(user, key, target):
        raise NotFound(_("No such discussion in this course."))


def check_thread_write(user, key, target: str) -> None:
    """
    ``NotFound`` when ``user`` may not see the thread, ``AccessDenied`` when they
    may see it but a guard keeps them from writing in it.
    """
    check_thread(user, key, target)
    for prefix, may_write in _WRITE_GUARDS.items():
        if target.startswith(prefix) and not may_write(user, key, target):
            raise AccessDenied(_("You can read this discussion but not write in it."))
