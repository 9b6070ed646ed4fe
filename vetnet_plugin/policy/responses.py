"""
Policy responses: what a policy maker answers the community about a
scenario or a counselling topic, so that the dialogue goes both ways.

Written by members holding the policy role (granted by course staff), read
by every member of the course community; Markdown stored raw and sanitised
when shown; the author edits their own, course staff may remove any.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..core.access import display_name
from ..core.keys import parse_course_key
from ..core.markup import render_markdown
from ..core.rate_limits import check_rate_limit
from ..core.taxonomy import TOPIC_CODES
from ..counselling.api import list_counselling_topics
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import POLICY_MAKER_ROLE, has_community_role, is_moderator, require_viewer
from ..scenarios.api import is_published_scenario
from . import data
from .models import PolicyResponse

MAX_LENGTH = 5000


def _to_data(row: PolicyResponse, viewer=None) -> data.PolicyResponse:
    return data.PolicyResponse(
        uuid=str(row.uuid), course_key=str(row.course_key), target_kind=row.target_kind, target=row.target,
        author_name=display_name(row.author), body=row.body, body_html=str(render_markdown(row.body)),
        created=row.created, modified=row.modified, can_edit=bool(viewer is not None and row.author_id == viewer.id),
    )


def _body(body) -> str:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        message = _("Write your response.")
        raise InvalidInput(message, errors={"body": [message]})
    if len(text) > MAX_LENGTH:
        message = _("Use at most {limit} characters.").format(limit=MAX_LENGTH)
        raise InvalidInput(message, errors={"body": [message]})
    return text


def _target(key, target_kind, target) -> tuple[str, str]:
    target = str(target or "").strip()
    if target_kind == PolicyResponse.SCENARIO:
        if not is_published_scenario(course_key=key, scenario_uuid=target):
            raise NotFound(_("No such scenario in this course."))
        return target_kind, target.lower()
    if target_kind == PolicyResponse.TOPIC:
        if target not in TOPIC_CODES and target not in list_counselling_topics(course_key=key):
            message = _("Choose a topic from the list.")
            raise InvalidInput(message, errors={"target": [message]})
        return target_kind, target
    message = _("Answer a scenario or a topic.")
    raise InvalidInput(message, errors={"target_kind": [message]})


def _require_policy_maker(user, key) -> None:
    if not user or not user.is_authenticated or not has_community_role(
            user_id=user.id, course_key=key, role=POLICY_MAKER_ROLE):
        raise AccessDenied(_("Only members whom course staff granted the policy role can answer here."))


def create_policy_response(*, user, course_key, target_kind: str, target: str, body: str) -> data.PolicyResponse:
    """A policy maker answers the community about a published scenario or a topic of the course."""
    key = parse_course_key(course_key)
    _require_policy_maker(user, key)
    target_kind, target = _target(key, target_kind, target)
    text = _body(body)
    check_rate_limit(action="policy_response", queryset=PolicyResponse.objects.filter(author=user))
    row = PolicyResponse.objects.create(course_key=key, target_kind=target_kind, target=target, author=user,
                                        body=text)
    return _to_data(row, user)


def _own(user, key, response_uuid) -> PolicyResponse:
    try:
        row = PolicyResponse.objects.select_related("author").get(uuid=str(response_uuid), course_key=key)
    except (PolicyResponse.DoesNotExist, ValidationError, ValueError, TypeError) as exc:  # a malformed uuid too
        raise NotFound(_("No such policy response.")) from exc
    return row


def update_policy_response(*, user, course_key, response_uuid, body: str) -> data.PolicyResponse:
    """The author edits their response (while they still hold the policy role)."""
    key = parse_course_key(course_key)
    row = _own(user, key, response_uuid)
    if row.author_id != getattr(user, "id", None):
        raise AccessDenied(_("Only its author can edit a policy response."))
    _require_policy_maker(user, key)
    row.body = _body(body)
    row.save(update_fields=["body", "modified"])
    return _to_data(row, user)


def delete_policy_response(*, user, course_key, response_uuid) -> None:
    """The author withdraws their response, or course staff remove it."""
    key = parse_course_key(course_key)
    row = _own(user, key, response_uuid)
    if row.author_id != getattr(user, "id", None) and not is_moderator(user=user, course_key=key):
        raise AccessDenied(_("Only its author or course staff can remove a policy response."))
    row.delete()


def list_policy_responses(*, user, course_key, target_kind: str = "", targets=()) -> tuple[data.PolicyResponse, ...]:
    """
    The course's policy responses, newest first, for members of the course
    community; only those about ``targets`` (of ``target_kind``) if given. One query.
    """
    key = require_viewer(user, course_key)
    rows = PolicyResponse.objects.filter(course_key=key).select_related("author").order_by("-created", "-id")
    if target_kind:
        rows = rows.filter(target_kind=target_kind)
    if targets:
        rows = rows.filter(target__in=[str(t).lower() if target_kind == PolicyResponse.SCENARIO else str(t)
                                       for t in targets])
    return tuple(_to_data(row, user) for row in rows[:200])


def list_policy_responses_by(*, user, course_keys) -> tuple[data.PolicyResponse, ...]:
    """The responses the reader wrote in these courses (for their dashboard), newest first."""
    rows = PolicyResponse.objects.filter(author=user, course_key__in=[parse_course_key(k) for k in course_keys])
    return tuple(_to_data(row, user) for row in rows.select_related("author").order_by("-created", "-id")[:200])


def retire_policy_responses(*, user_id: int) -> None:
    """Remove every policy response the member wrote (idempotent): they are signed statements, not shared work."""
    PolicyResponse.objects.filter(author_id=user_id).delete()
