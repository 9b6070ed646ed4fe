"""
"I adopted this": reuse evidence, shared by everything members can adopt
(toolbox resources, repository practices).

A feature keeps its own adoption table (one row per member and adopted
object, a concrete model over ``AdoptionRecord``) and a denormalised counter
on the adopted object. What every such feature does the same way lives here:
the outcome vocabulary, reading a member's note and outcome, and the locked
write that keeps the row and the counter in step under concurrent adopters
(the parent row first, then the child and the counter: see ``core.transactions``).
"""
from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import InvalidInput, NotFound
from .taxonomy import ADOPTION_OUTCOMES as OUTCOME_CHOICES
from .taxonomy import OUTCOME_NONE, OUTCOME_NOT_SUCCESSFUL, OUTCOME_PARTIAL, OUTCOME_SUCCESS
from .transactions import lock_for_update, retrying_atomic

__all__ = [
    "OUTCOME_CHOICES",
    "OUTCOME_CODES",
    "AdoptionRecord",
    "adoption_summary",
    "clean_adoption_text",
    "clean_outcome",
    "record_adoption",
    "record_outcome",
    "withdraw_adoption",
]

OUTCOME_CODES = frozenset(code for code, _label in OUTCOME_CHOICES if code)


class AdoptionRecord(models.Model):
    """
    The fields every adoption row has: the member's note on the context they
    adopted it in, and the later report of how it went. A concrete model adds
    the adopted object and the member (with their own ``related_name``).
    """

    OUTCOME_NONE = OUTCOME_NONE
    OUTCOME_SUCCESS = OUTCOME_SUCCESS
    OUTCOME_PARTIAL = OUTCOME_PARTIAL
    OUTCOME_NOT_SUCCESSFUL = OUTCOME_NOT_SUCCESSFUL
    OUTCOME_CHOICES = OUTCOME_CHOICES

    context = models.TextField(blank=True)
    outcome = models.CharField(max_length=16, choices=OUTCOME_CHOICES, blank=True, default=OUTCOME_NONE)
    outcome_report = models.TextField(blank=True)
    outcome_reported = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


def clean_adoption_text(value, *, name: str, limit: int) -> str:
    """A member's note or report: text of at most ``limit`` characters, trimmed."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(_("Enter text."), errors={name: [_("Enter text.")]})
    value = value.strip()
    if len(value) > limit:
        message = _("Use at most {limit} characters.").format(limit=limit)
        raise InvalidInput(message, errors={name: [message]})
    return value


def clean_outcome(outcome) -> str:
    """One of ``OUTCOME_CODES``, or ``InvalidInput``."""
    if not isinstance(outcome, str) or outcome not in OUTCOME_CODES:
        message = _("Choose how the adoption went.")
        raise InvalidInput(message, errors={"outcome": [message]})
    return outcome


@retrying_atomic
def record_adoption(
    *, parent, parent_id: int, adoptions, parent_field: str, member, values: dict,
    counter: str = "adoption_count", after: Callable[[int], None] | None = None,
):
    """
    Create the member's adoption of ``parent`` (a model class) row ``parent_id``
    once, counting it in ``counter``; return ``(adoption, created)``.

    ``adoptions`` is the concrete adoption model, ``parent_field`` its foreign
    key to the parent, ``values`` the new row's other fields. ``after`` runs
    in the same locked transaction when a row was created (to recompute what
    depends on the adoptions).
    """
    lock_for_update(parent.objects.filter(pk=parent_id))
    lookup = {f"{parent_field}_id": parent_id, "member": member}
    adoption = adoptions.objects.filter(**lookup).first()
    if adoption is not None:
        return adoption, False
    adoption = adoptions.objects.create(**lookup, **values)
    parent.objects.filter(pk=parent_id).update(**{counter: F(counter) + 1})
    if after is not None:
        after(parent_id)
    return adoption, True


def record_outcome(
    *, adoptions, member, outcome, report, missing_message: str = "", report_limit: int = 5000, **parent_lookup
):
    """Store how the member's adoption went; ``NotFound(missing_message)`` when they have not adopted it."""
    outcome = clean_outcome(outcome)
    report = clean_adoption_text(report, name="outcome_report", limit=report_limit)
    updated = adoptions.objects.filter(member=member, **parent_lookup).update(
        outcome=outcome, outcome_report=report, outcome_reported=timezone.now()
    )
    if not updated:
        raise NotFound(missing_message or _("Mark it as adopted before reporting how it went."))
    return adoptions.objects.select_related("member").get(member=member, **parent_lookup)


@retrying_atomic
def withdraw_adoption(
    *, parent, parent_id: int, adoptions, parent_field: str, member_id: int, counter: str = "adoption_count",
    after: Callable[[int], None] | None = None,
) -> bool:
    """Take back the member's adoption of the parent row; the counter follows. True if there was one."""
    lock_for_update(parent.objects.filter(pk=parent_id))
    deleted, _rows = adoptions.objects.filter(**{f"{parent_field}_id": parent_id, "member_id": member_id}).delete()
    if deleted:
        parent.objects.filter(pk=parent_id, **{f"{counter}__gt": 0}).update(**{counter: F(counter) - 1})
        if after is not None:
            after(parent_id)
    return bool(deleted)


def adoption_summary(queryset, *, user_id, limit: int = 50) -> dict:
    """
    How one object was adopted, from ``queryset`` (its adoption rows): the
    count, counts per outcome, the user's own row and the newest rows (up to
    ``limit``). Three queries at most.
    """
    newest = list(queryset.select_related("member").order_by("-created", "-id")[:limit])
    counts = dict(queryset.order_by().values("outcome").annotate(n=Count("pk")).values_list("outcome", "n"))
    own = next((a for a in newest if a.member_id == user_id), None)
    if own is None and user_id:
        own = queryset.filter(member_id=user_id).select_related("member").first()
    return {"count": sum(counts.values()), "outcomes": counts, "own": own, "newest": newest}
