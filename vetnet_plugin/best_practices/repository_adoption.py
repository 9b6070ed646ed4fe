"""
Adoption evidence on repository practices: "I adopted this", the later
outcome report, and the "adopted elsewhere" label that follows from them.

The mechanism is the toolbox's, shared through ``core.adoption``: one row per
member and practice, the counter on the entry changed under its row lock.
"""
from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext as _

from ..core.adoption import (
    OUTCOME_CHOICES,
    adoption_summary,
    clean_adoption_text,
    clean_outcome,
    record_adoption,
    record_outcome,
    withdraw_adoption,
)
from ..core.rate_limits import check_rate_limit
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import InvalidInput
from ..members.api import get_member_profile
from . import data
from .models import PracticeAdoption, RepositoryEntry
from .repository import entry_detail, load_entry, member_actor, visible_entry

MAX_NOTE_LENGTH = 2000
MAX_REPORT_LENGTH = 5000


def refresh_adopted_elsewhere(entry_id: int) -> None:
    """The label follows the adoptions: set while one comes from another country than the practice's."""
    entry = RepositoryEntry.objects.filter(pk=entry_id).values("country").first()
    if entry is None:
        return
    elsewhere = PracticeAdoption.objects.filter(entry_id=entry_id).exclude(country="")
    if entry["country"]:
        elsewhere = elsewhere.exclude(country=entry["country"])
    else:
        elsewhere = elsewhere.none()
    RepositoryEntry.objects.filter(pk=entry_id).update(adopted_elsewhere=elsewhere.exists())


def _report(adoption: PracticeAdoption) -> data.PracticeAdoptionReport:
    return data.PracticeAdoptionReport(
        country=adoption.country, outcome=adoption.outcome,
        outcome_label=str(dict(OUTCOME_CHOICES).get(adoption.outcome, "")),
        outcome_report=adoption.outcome_report, created=adoption.created,
        outcome_reported=adoption.outcome_reported,
    )


def evidence_of(entry: RepositoryEntry, user_id) -> tuple[dict, data.PracticeAdoptionReport | None]:
    """The entry's adoption evidence (counts per outcome, the reports) and the reader's own adoption."""
    summary = adoption_summary(PracticeAdoption.objects.filter(entry=entry), user_id=user_id)
    evidence = {"outcomes": summary["outcomes"],
                "reports": tuple(_report(a) for a in summary["newest"] if a.outcome_report)}
    return evidence, (_report(summary["own"]) if summary["own"] else None)


def get_repository_entry(*, user, course_key, entry_uuid) -> data.RepositoryEntryDetail:
    """One listed entry with its text and adoption evidence, for a member of a course community."""
    member_actor(user=user, course_key=course_key)
    entry = visible_entry(user, entry_uuid)
    evidence, own = evidence_of(entry, user.id)
    return entry_detail(entry, user=user, evidence=evidence, own=own)


def adopt_practice(*, user, course_key, entry_uuid, context_note: str = "") -> data.RepositoryEntryDetail:
    """Mark "I adopted this" on a listed practice: counted once per member, with the member's country."""
    member_actor(user=user, course_key=course_key)
    note = clean_adoption_text(context_note, name="context", limit=MAX_NOTE_LENGTH)
    entry = load_entry(entry_uuid)
    if entry.practice.author_id == user.id:
        raise InvalidInput(_("You cannot adopt your own practice."))
    existing = PracticeAdoption.objects.filter(entry=entry, member=user).first()
    if existing is None:
        check_rate_limit(action="adoption", queryset=PracticeAdoption.objects.filter(member=user))
        country = get_member_profile(user_id=user.id).country[:2]
        record_adoption(parent=RepositoryEntry, parent_id=entry.pk, adoptions=PracticeAdoption,
                        parent_field="entry", member=user, values={"context": note, "country": country},
                        after=refresh_adopted_elsewhere)
    elif note:
        PracticeAdoption.objects.filter(pk=existing.pk).update(context=note)
    return get_repository_entry(user=user, course_key=course_key, entry_uuid=entry_uuid)


def report_practice_outcome(
    *, user, course_key, entry_uuid, outcome: str, report: str = ""
) -> data.RepositoryEntryDetail:
    """Report how one's adoption of a practice went ("success", "partial", "not_successful")."""
    member_actor(user=user, course_key=course_key)
    clean_outcome(outcome)
    clean_adoption_text(report, name="outcome_report", limit=MAX_REPORT_LENGTH)
    entry = load_entry(entry_uuid)
    record_outcome(adoptions=PracticeAdoption, member=user, outcome=outcome, report=report, entry=entry,
                   report_limit=MAX_REPORT_LENGTH,
                   missing_message=_("Mark the practice as adopted before reporting how it went."))
    return get_repository_entry(user=user, course_key=course_key, entry_uuid=entry_uuid)


def withdraw_practice_adoption(*, user, course_key, entry_uuid) -> data.RepositoryEntryDetail:
    """Take back one's "I adopted this" on a practice."""
    member_actor(user=user, course_key=course_key)
    entry = load_entry(entry_uuid)
    withdraw_adoption(parent=RepositoryEntry, parent_id=entry.pk, adoptions=PracticeAdoption,
                      parent_field="entry", member_id=user.id, after=refresh_adopted_elsewhere)
    return get_repository_entry(user=user, course_key=course_key, entry_uuid=entry_uuid)


@retrying_atomic
def retire_practice_adopter(*, user_id: int) -> None:
    """A retired member's adoptions of practices go, the counters and labels following (idempotent)."""
    entry_ids = list(PracticeAdoption.objects.filter(member_id=user_id).values_list("entry_id", flat=True))
    lock_for_update(RepositoryEntry.objects.filter(pk__in=entry_ids))
    PracticeAdoption.objects.filter(member_id=user_id).delete()
    for entry_id in entry_ids:
        RepositoryEntry.objects.filter(pk=entry_id, adoption_count__gt=0).update(
            adoption_count=F("adoption_count") - 1)
        refresh_adopted_elsewhere(entry_id)
