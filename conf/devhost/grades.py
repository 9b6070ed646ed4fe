"""
Scores reaching the platform's grades, as the host keeps them.

A score comes either from a block the learner is using (the runtime's
``grade`` event) or from outside any block: VETNet's grades completed while
the learner is away (``vetnet_plugin.compat.publish_score``, which on the
platform writes the courseware student module and sends the grades app's
signal). Both land here: the learner's ``Grade`` row is brought up to date,
then the course grade is read again and, if it now passes, the platform's
certificate is issued (``CERTIFICATE_CREATED``).
"""
from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey

from .models import Course, Grade

log = logging.getLogger(__name__)


def record_score(*, user, course_key, usage_key, earned: float, possible: float) -> None:
    """Keep the learner's score of one block; issue the certificate if it made them pass."""
    # The course grade reads the course's OLX, which reads blocks through the runtime.
    from . import certificates  # pylint: disable=import-outside-toplevel

    passed_before = certificates.has_passed(user_id=user.id, course_key=course_key)
    Grade.objects.update_or_create(
        user_id=user.id, usage_key=str(usage_key),
        defaults={"course_key": str(course_key), "earned": float(earned), "possible": float(possible)},
    )
    certificates.certify_if_newly_passed(user=user, course_key=course_key, passed_before=passed_before)


def receive_score_from_outside_a_block(sender, *, user_id, usage_key, raw_earned, raw_possible,
                                       **kwargs):  # pylint: disable=unused-argument
    """
    The receiver of ``vetnet_plugin.compat.score_published_outside_platform``:
    the host's stand-in for the LMS's grades receivers.
    """
    try:
        key = UsageKey.from_string(str(usage_key))
    except InvalidKeyError:
        log.warning("A score for %r, which is not a usage key, was ignored.", usage_key)
        return
    if not Course.objects.filter(course_key=str(key.course_key)).exists():
        # The LMS grades only blocks of its courses; so does the host.
        log.info("A score for %s, outside the host's courses, was ignored.", key)
        return
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    record_score(user=user, course_key=key.course_key, usage_key=key, earned=raw_earned, possible=raw_possible)
