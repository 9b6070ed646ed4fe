"""
E-mail notices of a partnership: an invitation (to the invitee), an answer
(to the proposer), the partnership formed (to every partner). A person who
turned a partnership's notices off gets none about it; nobody gets mail
without an address.
"""
from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from ..conf import setting
from ..core.access import display_name
from .models import Partnership, PartnershipMember

KINDS = ("invitation", "accepted", "declined", "formed")


def _recipient(partnership: Partnership, kind: str, user_id: int):
    recipient_id = partnership.proposer_id if kind in ("accepted", "declined") else user_id
    row = PartnershipMember.objects.filter(partnership=partnership, user_id=recipient_id).select_related(
        "user").first()
    if row is None or not row.email_notices or not row.user.is_active or not row.user.email:
        return None
    if kind == "invitation" and row.status != PartnershipMember.INVITED:
        return None  # withdrawn or answered before the mail went out
    return row.user


def _message(kind: str, partnership: Partnership, user_id: int) -> tuple[str, str]:
    title = partnership.title
    if kind == "invitation":
        name = display_name(partnership.proposer)
        return (_("{name} invites you to the partnership “{title}”").format(name=name, title=title),
                _("{name} invites your organisation to the partnership “{title}”. Open the course to read the "
                  "proposal and accept or decline. You can turn these e-mails off on the partnership's page.").format(
                    name=name, title=title))
    if kind in ("accepted", "declined"):
        row = PartnershipMember.objects.filter(partnership=partnership, user_id=user_id).select_related("user").first()
        name = display_name(row.user) if row else ""
        if kind == "accepted":
            return (_("{name} joined “{title}”").format(name=name, title=title),
                    _("{name} accepted your invitation to the partnership “{title}”.").format(name=name, title=title))
        return (_("{name} declined “{title}”").format(name=name, title=title),
                _("{name} declined your invitation to the partnership “{title}”.").format(name=name, title=title))
    return (_("The partnership “{title}” is formed").format(title=title),
            _("The partnership “{title}” now meets its funding instrument's rules: its workspace is open in the "
              "course.").format(title=title))


def send_partnership_notice(*, kind: str, partnership_id: int, user_id: int) -> bool:
    """Send one notice; False when it is not sent (opted out, no address, gone)."""
    partnership = Partnership.objects.filter(pk=partnership_id).select_related("proposer").first()
    if kind not in KINDS or partnership is None:
        return False
    recipient = _recipient(partnership, kind, user_id)
    if recipient is None:
        return False
    subject, body = _message(kind, partnership, user_id)
    sender = setting("VETNET_DIGEST_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL
    send_mail(subject, body, sender, [recipient.email])
    return True
