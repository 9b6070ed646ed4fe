"""
Threads not every member of the course may read.

The core lets any member of a course read its threads. A feature whose
targets are narrower (a private counselling case: its owner, the advisers it
invited and course staff) registers a guard for its targets' prefix; every
lookup of a thread or post then asks it, and a thread it refuses is simply
not found, so its existence does not leak either.
"""
from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from ..exceptions import NotFound

# prefix of a target ("case:") -> may_see(user, course_key, target) -> bool
_GUARDS: dict[str, Callable] = {}


def register_thread_guard(prefix: str, may_see: Callable) -> None:
    """Let ``may_see(user, course_key, target)`` decide who reads the threads whose target starts with ``prefix``."""
    _GUARDS[str(prefix)] = may_see


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
