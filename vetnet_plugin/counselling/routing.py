"""
Routing: a new case is offered, by e-mail, to the members whose profiles
match it (its sector, topics, language and country; see
``members.api.find_counsellors``), where the trainer turned routing on.

A Celery task runs once per case after it was opened. It never tells the
owner, never someone who cannot see the community, never a member who
opted out, and never about a private circle (only its invited advisers see
that). Each member is told about at most
``VETNET_COUNSELLING_ROUTING_DAILY_LIMIT`` cases in any 24 hours (one
``CaseRouting`` row each, counted from an index), and a case reaches at most
``VETNET_COUNSELLING_ROUTING_PER_CASE`` members. The e-mail names neither
the owner nor the owner's organisation: only the case's title and problem.
"""
from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import compat
from ..conf import setting
from ..core.access import display_name
from ..exceptions import AccessDenied, InvalidInput
from ..members.api import can_view_community, find_counsellors
from .models import CaseRouting, CaseTopic, CounsellingCase, CounsellingDesk, CounsellingNoticeOptOut

log = logging.getLogger(__name__)
EXCERPT_LENGTH = 400


def route_on_commit(case_id: int) -> None:
    """Queue the routing of a new case once its row is committed."""
    from .tasks import route_counselling_case  # pylint: disable=import-outside-toplevel

    queue = setting("VETNET_CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    transaction.on_commit(lambda: route_counselling_case.apply_async(kwargs={"case_id": case_id}, **options))


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH - 1].rstrip() + "…"


def _send(case: CounsellingCase, user) -> None:
    root = (getattr(settings, "LMS_ROOT_URL", "") or "").rstrip("/")
    context = {"name": display_name(user), "title": case.title, "excerpt": _excerpt(case.problem),
               "url": f"{root}/courses/{case.course_key}/jump_to/{case.usage_key}"}
    language = compat.preferred_language(user) or getattr(settings, "LANGUAGE_CODE", "en")
    with translation.override(language):
        subject = _("A peer asks for help: “{title}”").format(title=case.title)
        text = render_to_string("vetnet/email/counselling_routing.txt", context)
    sender = setting("VETNET_DIGEST_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL
    EmailMultiAlternatives(subject, text, sender, [user.email]).send()


def _claim(case, user, *, daily: int, now) -> bool:
    """
    Record that ``user`` is told about ``case``, unless they already were or
    reached their daily limit; False then. The member's row is locked while
    their last 24 hours are counted, so cases routed at the same moment (on
    several workers) cannot both pass the limit.
    """
    with transaction.atomic():
        list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
        if CaseRouting.objects.filter(user=user, created__gte=now - timedelta(days=1)).count() >= daily:
            return False
        _row, created = CaseRouting.objects.get_or_create(case=case, user=user)
    return created


def route_case(*, case_id: int, now=None) -> int:
    """Tell the members whose profiles match the case about it, once; returns how many were told."""
    now = now or timezone.now()
    # Claim the case: a second run (a retried task) finds it routed and does nothing.
    claimed = CounsellingCase.objects.filter(pk=case_id, routed_at__isnull=True).update(routed_at=now)
    if not claimed:
        return 0
    case = CounsellingCase.objects.filter(pk=case_id, is_retired=False, is_private=False).first()
    per_case = int(setting("VETNET_COUNSELLING_ROUTING_PER_CASE") or 0)
    if case is None or per_case <= 0:
        return 0
    if not CounsellingDesk.objects.filter(usage_key=case.usage_key, routing_enabled=True).exists():
        return 0
    topics = list(CaseTopic.objects.filter(case=case).values_list("topic", flat=True))
    # A few more than needed, so members at their daily limit or opted out leave room for others.
    candidates = find_counsellors(course_key=case.course_key, sectors=[case.sector], topics=topics,
                                  languages=[case.language], countries=[case.country],
                                  exclude_user_ids=[case.owner_id], limit=per_case * 3)
    if not candidates:
        return 0
    daily = int(setting("VETNET_COUNSELLING_ROUTING_DAILY_LIMIT") or 0)
    opted_out = set(CounsellingNoticeOptOut.objects.filter(user_id__in=candidates).values_list("user_id", flat=True))
    busy = dict(CaseRouting.objects.filter(user_id__in=candidates, created__gte=now - timedelta(days=1))
                .order_by().values("user_id").annotate(n=Count("id")).values_list("user_id", "n"))
    users = get_user_model().objects.in_bulk([u for u in candidates if u not in opted_out
                                              and busy.get(u, 0) < daily])
    sent = 0
    for user_id in candidates:
        user = users.get(user_id)
        if sent >= per_case or user is None or not user.email:
            continue
        if not can_view_community(user=user, course_key=case.course_key):
            continue
        if not _claim(case, user, daily=daily, now=now):
            continue
        try:
            _send(case, user)
        except Exception:  # pylint: disable=broad-except
            # One bad address must not stop the others.
            log.exception("Could not tell user %s about counselling case %s", user_id, case.pk)
            continue
        sent += 1
    return sent


def set_routing_notices(*, user, enabled: bool) -> bool:
    """A member turns the e-mails about matching new cases on or off (every course); returns ``enabled``."""
    if not getattr(user, "is_authenticated", False):
        raise AccessDenied(_("Sign in to choose your notices."))
    if not isinstance(enabled, bool):
        message = _("Choose yes or no.")
        raise InvalidInput(message, errors={"enabled": [message]})
    if enabled:
        CounsellingNoticeOptOut.objects.filter(user=user).delete()
    else:
        CounsellingNoticeOptOut.objects.get_or_create(user=user)
    return enabled


def routing_notices_enabled(*, user) -> bool:
    """False once the member turned the e-mails about matching new cases off."""
    return not CounsellingNoticeOptOut.objects.filter(user_id=getattr(user, "id", None)).exists()
