"""
Receivers of platform events. Thin: each one calls ``vetnet_plugin.api``.

They are connected by the platform's plugin loader from ``plugin_app``'s
``signals_config`` (see ``apps.py``).
"""
import logging

from . import api

log = logging.getLogger(__name__)


def on_enrollment_created(enrollment, **kwargs):  # pylint: disable=unused-argument
    """COURSE_ENROLLMENT_CREATED: the user joins the course community."""
    api.record_enrollment(
        user_id=enrollment.user.id,
        course_key=enrollment.course.course_key,
        mode=enrollment.mode,
        is_active=enrollment.is_active,
        occurred_at=enrollment.creation_date,
    )


def on_enrollment_changed(enrollment, **kwargs):  # pylint: disable=unused-argument
    """COURSE_ENROLLMENT_CHANGED: mode or activity changed; keep the projection in step."""
    api.record_enrollment(
        user_id=enrollment.user.id,
        course_key=enrollment.course.course_key,
        mode=enrollment.mode,
        is_active=enrollment.is_active,
        occurred_at=enrollment.creation_date,
    )


def on_unenrollment_completed(enrollment, **kwargs):  # pylint: disable=unused-argument
    """COURSE_UNENROLLMENT_COMPLETED: the user leaves the course community."""
    api.record_unenrollment(user_id=enrollment.user.id, course_key=enrollment.course.course_key)


def _record_certificate(certificate, event):
    api.record_certificate(
        user_id=certificate.user.id, course_key=certificate.course.course_key, event=event,
        mode=certificate.mode, grade=certificate.grade, status=certificate.current_status,
        course_name=certificate.course.display_name or "",
    )


def on_certificate_created(certificate, **kwargs):  # pylint: disable=unused-argument
    """CERTIFICATE_CREATED: the member gets the course's badge on their profile."""
    _record_certificate(certificate, "created")


def on_certificate_changed(certificate, **kwargs):  # pylint: disable=unused-argument
    """CERTIFICATE_CHANGED: the badge follows the certificate's new status."""
    _record_certificate(certificate, "changed")


def on_certificate_revoked(certificate, **kwargs):  # pylint: disable=unused-argument
    """CERTIFICATE_REVOKED: the badge is removed."""
    _record_certificate(certificate, "revoked")


def on_user_retired(sender, user, **kwargs):  # pylint: disable=unused-argument
    """
    USER_RETIRE_LMS_CRITICAL / _MISC: erase the member's personal data.

    The platform may already have replaced the user's address when it sends
    these; the original one comes as ``email``, and is scrubbed too.
    """
    api.retire_member(user_id=user.id, identifiers=[kwargs.get("email") or ""])


# -- who is acting: the request's resolved actors are forgotten when their answer changes --


def on_user_saved(sender, instance, **kwargs):  # pylint: disable=unused-argument
    """A user row saved (global staff granted or removed, deactivated): resolve their actor afresh."""
    api.forget_actors(user_id=instance.pk)


def on_course_role_changed(sender, instance, **kwargs):  # pylint: disable=unused-argument
    """A platform course access role granted or removed: resolve the user's actor afresh."""
    api.forget_actors(user_id=instance.user_id)


def on_task_started(**kwargs):  # pylint: disable=unused-argument
    """A Celery task is a request of its own: it starts with no resolved actor."""
    api.forget_actors()
