"""
Members reach each other through the platform: a message sent by e-mail to a
member who said they may be contacted for that purpose. The sender never
sees the recipient's address; the recipient may answer, which reveals the
sender's address only to them, as the sender was told.
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from ..core.keys import parse_course_key
from ..core.rate_limits import check_rate_limit
from ..exceptions import AccessDenied, InvalidInput, NotFound
from .access import actor_for
from .models import CourseMembership, MemberContact, MemberProfile

PURPOSES = tuple(code for code, _label in MemberContact.PURPOSE_CHOICES)
MESSAGE_MIN, MESSAGE_MAX = 20, 5000


def _display_name(user) -> str:
    return user.get_full_name().strip() or user.username


def _check_message(purpose, message) -> str:
    errors = {}
    if purpose not in PURPOSES:
        errors["purpose"] = [_("Choose why you write: peer counselling or a partnership.")]
    if not isinstance(message, str) or len(message.strip()) < MESSAGE_MIN:
        errors["message"] = [_("Write at least {count} characters.").format(count=MESSAGE_MIN)]
    elif len(message.strip()) > MESSAGE_MAX:
        errors["message"] = [_("Use at most {limit} characters.").format(limit=MESSAGE_MAX)]
    if errors:
        raise InvalidInput(_("Some fields need your attention."), errors=errors)
    return message.strip()


def _recipient(*, recipient_id, course_key, purpose):
    """The recipient if they are an active member of the course who accepts ``purpose``; else NotFound."""
    try:
        recipient_id = int(recipient_id)
    except (TypeError, ValueError):
        recipient_id = 0
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    # One answer for "no such member" and "not open to this": the directory shows who is.
    refused = NotFound(_("This member cannot be contacted for that purpose."))
    if recipient is None or not recipient.email or not CourseMembership.objects.filter(
        user_id=recipient.id, course_key=course_key, is_active=True
    ).exists():
        raise refused
    field = "open_to_counselling" if purpose == MemberContact.COUNSELLING else "open_to_partnership"
    if not MemberProfile.objects.filter(user_id=recipient.id, **{field: True}).exists():
        raise refused
    return recipient


def contact_member(*, user, course_key, recipient_id, purpose: str, message: str) -> None:
    """
    Send ``message`` to a member of the same course community who accepts
    being contacted for ``purpose`` ("counselling" or "partnership").

    The e-mail goes from the platform, with the sender's address as Reply-To;
    nothing about the recipient's address comes back. Limited per sender
    (``VETNET_RATE_LIMITS["contact"]``).
    """
    actor = actor_for(user=user, course_key=course_key)
    if not actor.is_member:
        raise AccessDenied(_("Only members of this course community can contact its members."))
    key = parse_course_key(course_key)
    message = _check_message(purpose, message)
    recipient = _recipient(recipient_id=recipient_id, course_key=key, purpose=purpose)
    if recipient.id == user.id:
        raise InvalidInput(_("You cannot send a message to yourself."))
    check_rate_limit(action="contact", queryset=MemberContact.objects.filter(sender_id=user.id))
    MemberContact.objects.create(sender_id=user.id, recipient_id=recipient.id, course_key=key, purpose=purpose)
    _send(sender=user, recipient=recipient, course_key=key, purpose=purpose, message=message)


def _send(*, sender, recipient, course_key, purpose, message) -> None:
    # Profiles hold no preferred language yet: the platform's default language it is.
    with translation.override(settings.LANGUAGE_CODE):
        reason = dict(MemberContact.PURPOSE_CHOICES)[purpose]
        subject = _("{name} contacts you about {purpose} ({course})").format(
            name=_display_name(sender), purpose=reason, course=course_key)
        body = _(
            "{name}, a member of the course community {course}, wrote to you about {purpose} through the "
            "member directory:\n\n{message}\n\nAnswer this e-mail to reply to them. You receive it because "
            "your profile says members may contact you about {purpose}; change that in your profile."
        ).format(name=_display_name(sender), course=course_key, purpose=reason, message=message)
    reply_to = [sender.email] if sender.email else []
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient.email],
                 reply_to=reply_to).send()


def retire_member_contacts(*, user_id: int) -> None:
    """Forget the messages a retired member sent or received (idempotent)."""
    MemberContact.objects.filter(sender_id=user_id).delete()
    MemberContact.objects.filter(recipient_id=user_id).delete()
