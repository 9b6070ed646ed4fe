"""
The follow-up: some days after a case was opened (the trainer's setting),
its owner is asked by e-mail, and in the block, what happened. A periodic
task calls ``send_counselling_follow_ups`` (hourly); each case is asked
about once, and only while its owner can still see the community.
"""
from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import compat
from ..conf import setting
from ..core.access import display_name
from ..members.api import can_view_community
from .models import CounsellingCase, CounsellingDesk

log = logging.getLogger(__name__)


def _site_url(path: str) -> str:
    root = (getattr(settings, "LMS_ROOT_URL", "") or "").rstrip("/")
    return f"{root}{path}"


def _send(case: CounsellingCase) -> None:
    owner = case.owner
    context = {"name": display_name(owner), "title": case.title,
               "url": _site_url(f"/courses/{case.course_key}/jump_to/{case.usage_key}")}
    # The owner reads it in the language they chose for the platform.
    language = compat.preferred_language(owner) or getattr(settings, "LANGUAGE_CODE", "en")
    with translation.override(language):
        subject = _("What happened with your case “{title}”?").format(title=case.title)
        text = render_to_string("vetnet/email/counselling_follow_up.txt", context)
    sender = setting("VETNET_DIGEST_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL
    EmailMultiAlternatives(subject, text, sender, [owner.email]).send()


def send_counselling_follow_ups(*, now=None) -> int:
    """Ask every owner whose case is due what happened; returns how many e-mails went out."""
    now = now or timezone.now()
    sent = 0
    for usage_key, days in CounsellingDesk.objects.filter(follow_up_days__gt=0).values_list("usage_key",
                                                                                            "follow_up_days"):
        due = (CounsellingCase.objects.filter(usage_key=usage_key, outcome="", follow_up_sent_at__isnull=True,
                                              is_retired=False, created__lte=now - timedelta(days=days),
                                              owner__is_active=True)
               .exclude(owner__email="").select_related("owner").order_by("created", "id")[:500])
        for case in due:
            if can_view_community(user=case.owner, course_key=case.course_key):
                try:
                    _send(case)
                except Exception:  # pylint: disable=broad-except
                    # One bad address must not stop the others; this case is asked again next time.
                    log.exception("Could not send the counselling follow-up of case %s", case.pk)
                    continue
                sent += 1
            CounsellingCase.objects.filter(pk=case.pk).update(follow_up_sent_at=now)
    return sent
