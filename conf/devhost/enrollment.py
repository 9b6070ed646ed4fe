"""
Enrollment, played as the LMS plays it: the host's own table decides access,
and every change is announced with the real openedx-events signal, which is
all VETNet ever hears of it.
"""
from django.db import transaction
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import CourseData, CourseEnrollmentData, UserData, UserPersonalData
from openedx_events.learning.signals import (
    COURSE_ENROLLMENT_CHANGED,
    COURSE_ENROLLMENT_CREATED,
    COURSE_UNENROLLMENT_COMPLETED,
)

from .models import Course, Enrollment


def _event_data(enrollment: Enrollment) -> CourseEnrollmentData:
    user = enrollment.user
    course = Course.objects.filter(course_key=enrollment.course_key).first()
    return CourseEnrollmentData(
        user=UserData(
            id=user.id,
            is_active=user.is_active,
            pii=UserPersonalData(username=user.username, email=user.email, name=user.get_full_name()),
        ),
        course=CourseData(
            course_key=CourseKey.from_string(enrollment.course_key),
            display_name=course.display_name if course else enrollment.course_key,
        ),
        mode=enrollment.mode,
        is_active=enrollment.is_active,
        creation_date=enrollment.created or timezone.now(),
    )


def enroll(user, course_key, *, mode="audit") -> Enrollment:
    """
    Enroll ``user`` (idempotent). A new enrollment sends COURSE_ENROLLMENT_CREATED;
    reactivating one, or changing its mode, sends COURSE_ENROLLMENT_CHANGED.
    """
    with transaction.atomic():
        enrollment, created = Enrollment.objects.select_for_update().get_or_create(
            user=user, course_key=str(course_key), defaults={"mode": mode, "is_active": True}
        )
        changed = not created and (not enrollment.is_active or enrollment.mode != mode)
        if changed:
            enrollment.is_active, enrollment.mode = True, mode
            enrollment.save(update_fields=["is_active", "mode"])
    if created:
        COURSE_ENROLLMENT_CREATED.send_event(enrollment=_event_data(enrollment))
    elif changed:
        COURSE_ENROLLMENT_CHANGED.send_event(enrollment=_event_data(enrollment))
    return enrollment


def unenroll(user, course_key) -> None:
    """Deactivate the enrollment (idempotent) and send COURSE_UNENROLLMENT_COMPLETED."""
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().filter(
            user=user, course_key=str(course_key), is_active=True
        ).first()
        if enrollment is None:
            return
        enrollment.is_active = False
        enrollment.save(update_fields=["is_active"])
    COURSE_UNENROLLMENT_COMPLETED.send_event(enrollment=_event_data(enrollment))


def enrollment_batches(course_key, batch_size):
    """The host's enrollments in batches of ``(user_id, course_key, mode, is_active, created)``, by primary key."""
    queryset = Enrollment.objects.order_by("pk")
    if course_key is not None:
        queryset = queryset.filter(course_key=str(course_key))
    last_pk = 0
    while True:
        rows = list(
            queryset.filter(pk__gt=last_pk).values_list("pk", "user_id", "course_key", "mode", "is_active", "created")[
                :batch_size
            ]
        )
        if not rows:
            return
        last_pk = rows[-1][0]
        yield [row[1:] for row in rows]


def _count_enrollments(course_key):
    queryset = Enrollment.objects.all()
    if course_key is not None:
        queryset = queryset.filter(course_key=str(course_key))
    return queryset.count()


enrollment_batches.count = _count_enrollments
