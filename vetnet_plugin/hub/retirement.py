"""What the hub erases when a member retires (idempotent)."""
from .credentials import retire_credentials
from .models import PhaseCriteria, PhaseProgress


def retire_hub_member(*, user_id: int) -> None:
    """Their progress rows go, their credentials are revoked and emptied, their name leaves the criteria's history."""
    PhaseProgress.objects.filter(user_id=user_id).delete()
    retire_credentials(user_id=user_id)
    PhaseCriteria.objects.filter(modified_by_id=user_id).update(modified_by=None)
