"""
Retirement: a member leaves every partnership. A partnership they proposed
loses its proposer and what they wrote alone (aims, timeline); the other
partners' seats and the partnership's title stay, as the others rely on them.
"""
from django.db import transaction

from .models import Partnership, PartnershipMember


def retire_partnership_member(*, user_id: int) -> None:
    """Remove the member's seats and unlink the partnerships they proposed (idempotent)."""
    with transaction.atomic():
        PartnershipMember.objects.filter(user_id=user_id).delete()
        Partnership.objects.filter(proposer_id=user_id).update(proposer=None, aims="", timeline="")
