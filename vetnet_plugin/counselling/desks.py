"""The trainer's settings of a counselling block, as the plugin keeps them."""
from __future__ import annotations

import hashlib
import json
import re

from django.utils.translation import gettext as _

from ..core.keys import parse_course_key
from ..exceptions import InvalidInput, NotFound
from . import data
from .models import CounsellingDesk

MAX_TOPICS = 40
MAX_FOLLOW_UP_DAYS = 365
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def clean_topics(topics) -> list[dict]:
    """The trainer's topic list as ``[{"code", "label"}]``; ``InvalidInput`` for codes that cannot be stored."""
    if not isinstance(topics, (list, tuple)):
        raise InvalidInput(_("The topic list is not in the expected form."))
    cleaned, seen = [], set()
    for topic in topics:
        if not isinstance(topic, dict):
            raise InvalidInput(_("The topic list is not in the expected form."))
        code = str(topic.get("code") or "").strip().lower()
        label = str(topic.get("label") or "").strip()[:200] or code
        if not _CODE.match(code):
            raise InvalidInput(_("A topic code uses only lower-case letters, digits, - and _: {code}").format(
                code=code[:64] or "?"))
        if code in seen:
            raise InvalidInput(_("The topic {code} is listed twice.").format(code=code))
        seen.add(code)
        cleaned.append({"code": code, "label": label})
    if len(cleaned) > MAX_TOPICS:
        raise InvalidInput(_("List at most {limit} topics.").format(limit=MAX_TOPICS))
    return cleaned


def _days(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_FOLLOW_UP_DAYS:
        raise InvalidInput(_("The follow-up comes after 0 to {limit} days.").format(limit=MAX_FOLLOW_UP_DAYS))
    return value


def desk_data(desk: CounsellingDesk) -> data.CounsellingDesk:
    return data.CounsellingDesk(
        course_key=str(desk.course_key), usage_key=desk.usage_key, title=desk.title,
        topics=tuple(data.Topic(code=t["code"], label=t["label"]) for t in desk.topics),
        allow_private=desk.allow_private, follow_up_days=desk.follow_up_days,
        allow_anonymous=desk.allow_anonymous, routing_enabled=desk.routing_enabled,
    )


def configure_counselling_desk(
    *, course_key, usage_key: str, title: str = "", topics=(), allow_private: bool = False,
    follow_up_days: int = 14, allow_anonymous: bool = False, routing_enabled: bool = True,
) -> data.CounsellingDesk:
    """
    Bring the plugin's copy of a counselling block's Studio settings up to date.

    Cheap when nothing changed (one read), so the block calls it on every view.
    ``topics`` is the trainer's list of ``{"code", "label"}``; cases keep the
    codes they were tagged with when a topic leaves the list. With
    ``allow_private``, members may open cases in a private circle. Owners are
    asked what happened ``follow_up_days`` after opening a case (0: never).
    With ``allow_anonymous``, members may open cases anonymous to their peers;
    with ``routing_enabled``, members whose profiles match a new case are told.
    """
    key = parse_course_key(course_key)
    usage_key = str(usage_key)[:255]
    config = {"title": str(title or "")[:255], "topics": clean_topics(list(topics or ())),
              "allow_private": allow_private is True, "follow_up_days": _days(follow_up_days),
              "allow_anonymous": allow_anonymous is True, "routing_enabled": routing_enabled is not False}
    fingerprint = hashlib.sha256(json.dumps([str(key), config], sort_keys=True).encode()).hexdigest()
    desk = CounsellingDesk.objects.filter(usage_key=usage_key).first()
    if desk is not None and desk.config_hash == fingerprint:
        return desk_data(desk)
    desk, _created = CounsellingDesk.objects.update_or_create(
        usage_key=usage_key, defaults={**config, "course_key": key, "config_hash": fingerprint})
    return desk_data(desk)


def find_desk(key, usage_key: str) -> CounsellingDesk:
    """The desk of ``usage_key`` in the course ``key``; ``NotFound`` for anything else."""
    desk = CounsellingDesk.objects.filter(usage_key=str(usage_key), course_key=key).first()
    if desk is None:
        raise NotFound(_("No such peer counselling in this course."))
    return desk


def get_counselling_desk(*, course_key, usage_key: str) -> data.CounsellingDesk:
    """The block's settings as last saved by its block; ``NotFound`` before its first view."""
    return desk_data(find_desk(parse_course_key(course_key), usage_key))
