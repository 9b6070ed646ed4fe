"""
Memberships for enrollments made before VETNet was installed.

The membership projection follows the platform's enrollment events from the
day the plugin is installed; the enrollments that already existed never sent
one. The backfill reads them through ``compat`` in batches and creates only
the memberships that are missing: a row the events already keep is newer than
what the backfill read, so it is never overwritten, and running the backfill
again (or while the LMS serves and events arrive) changes nothing twice.
"""
from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from .. import compat
from ..conf import setting
from ..core.keys import parse_course_key
from . import data
from .access import forget_actors
from .community import refresh_directory_rows
from .models import CourseMembership

User = get_user_model()


def _host_source():
    path = setting("VETNET_ENROLLMENT_SOURCE")
    return import_string(path) if path else None


def count_enrollments_to_backfill(*, course_key=None) -> int | None:
    """How many enrollments the backfill will read (None if the source cannot say)."""
    key = parse_course_key(course_key) if course_key is not None else None
    source = _host_source()
    return compat.count_enrollments(key, fallback=getattr(source, "count", None))


def backfill_memberships(
    *, course_key=None, batch_size: int = 500, progress: Callable[[int], object] | None = None
) -> data.BackfillResult:
    """
    Create the missing memberships of every existing enrollment (or one course's).

    Idempotent and batched: one transaction per batch, existing rows untouched.
    ``progress(n)`` is called after each batch with the number of enrollments read.
    """
    key = parse_course_key(course_key) if course_key is not None else None
    batch_size = max(1, int(batch_size))
    created = present = skipped = 0
    for batch in compat.enrollment_batches(key, batch_size, fallback=_host_source()):
        rows = _valid_rows(batch)
        skipped += len(batch) - len(rows)
        made = _create_missing(rows)
        created += len(made)
        present += len(rows) - len(made)
        for user_id in sorted({user_id for user_id, _key in made}):
            refresh_directory_rows(user_id=user_id)
            forget_actors(user_id=user_id)
        if progress is not None:
            progress(len(batch))
    return data.BackfillResult(created=created, already_present=present, skipped=skipped)


def _valid_rows(batch) -> dict[tuple[int, CourseKey], tuple[str, bool, object]]:
    rows = {}
    for user_id, course_key, mode, is_active, joined in batch:
        try:
            key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(str(course_key))
        except InvalidKeyError:
            continue
        rows[(int(user_id), key)] = (mode or "", bool(is_active), joined or timezone.now())
    return rows


def _create_missing(rows) -> list[tuple[int, CourseKey]]:
    if not rows:
        return []
    user_ids = {user_id for user_id, _key in rows}
    with transaction.atomic():
        existing = set(
            CourseMembership.objects.filter(user_id__in=user_ids, course_key__in={key for _user, key in rows})
            .values_list("user_id", "course_key")
        )
        known_users = set(User.objects.filter(pk__in=user_ids).values_list("pk", flat=True))
        missing = [pair for pair in rows if pair not in existing and pair[0] in known_users]
        # ignore_conflicts: an enrollment event may create the same row between our read and our insert.
        CourseMembership.objects.bulk_create(
            [
                CourseMembership(user_id=user_id, course_key=key, mode=rows[(user_id, key)][0],
                                 is_active=rows[(user_id, key)][1], joined=rows[(user_id, key)][2])
                for user_id, key in missing
            ],
            ignore_conflicts=True,
        )
    return missing
