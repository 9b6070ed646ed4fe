"""
The four phases as a progression: what each member did, recorded per course,
read against the criteria the course's trainers set.

Counts come from each feature's api and are written to one ``PhaseProgress``
row per member and course by ``record_phase_progress`` (the periodic task, a
course's refresh, a member's claim of a credential), so a page shows the
progression from that row without counting anything.
"""
from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..best_practices.api import count_best_practice_contributions
from ..conf import setting
from ..core.access import require_staff
from ..core.keys import parse_course_key
from ..core.transactions import retrying_atomic
from ..counselling.api import count_counselling_contributions
from ..discussions.api import count_discussion_contributions
from ..exceptions import InvalidInput
from ..members.api import actor_for, list_community_course_keys, member_id_batches
from ..partnerships.api import count_partnership_contributions
from ..scenarios.api import count_delphi_contributions
from ..toolbox.api import count_toolbox_contributions
from ..workspaces.api import count_workspace_contributions
from . import data
from .models import PhaseCriteria, PhaseProgress

PHASE_LABELS = {
    data.COMMUNICATION: gettext_lazy("Communication"),
    data.SHARING: gettext_lazy("Sharing"),
    data.COLLABORATION: gettext_lazy("Collaboration"),
    data.COOPERATION: gettext_lazy("Cooperation"),
}
ACTION_LABELS = {
    "rated": gettext_lazy("scenario ratings"),
    "posted": gettext_lazy("posts in discussions"),
    "counselled": gettext_lazy("counselling cases brought or answers accepted"),
    "deposited": gettext_lazy("resources deposited"),
    "adopted": gettext_lazy("resources adopted"),
    "collaborated": gettext_lazy("workspaces contributed to"),
    "submitted": gettext_lazy("best practices submitted"),
    "reviewed": gettext_lazy("peer reviews written"),
    "partnered": gettext_lazy("partnerships formed"),
}
_COUNTERS = (
    count_delphi_contributions,
    count_discussion_contributions,
    count_counselling_contributions,
    count_toolbox_contributions,
    count_workspace_contributions,
    count_best_practice_contributions,
    count_partnership_contributions,
)
# The most a trainer may ask for one action.
MAX_THRESHOLD = 1000


def _more(action: str, missing: int) -> str:
    texts = {
        "rated": ngettext("Rate %(n)s more scenario.", "Rate %(n)s more scenarios.", missing),
        "posted": ngettext("Post %(n)s more time in a discussion.", "Post %(n)s more times in discussions.", missing),
        "counselled": ngettext("Bring %(n)s more case to peer counselling, or have an answer accepted.",
                               "Bring %(n)s more cases to peer counselling, or have answers accepted.", missing),
        "deposited": ngettext("Deposit %(n)s more resource in the toolbox.",
                              "Deposit %(n)s more resources in the toolbox.", missing),
        "adopted": ngettext("Adopt %(n)s more resource from the toolbox.",
                            "Adopt %(n)s more resources from the toolbox.", missing),
        "collaborated": ngettext("Contribute to %(n)s more workspace.",
                                 "Contribute to %(n)s more workspaces.", missing),
        "submitted": ngettext("Submit %(n)s more best practice.", "Submit %(n)s more best practices.", missing),
        "reviewed": ngettext("Write %(n)s more peer review.", "Write %(n)s more peer reviews.", missing),
        "partnered": ngettext("Form %(n)s more partnership.", "Form %(n)s more partnerships.", missing),
    }
    return texts[action] % {"n": missing}


# -- criteria --


def _default_thresholds(phase: str) -> dict:
    configured = setting("VETNET_PHASE_CRITERIA").get(phase, {})
    return {action: int(configured.get(action, 0)) for action in data.PHASE_ACTIONS[phase]}


def criteria_by_course(course_keys) -> dict[str, dict[str, data.PhaseCriteria]]:
    """``{course_key: {phase: PhaseCriteria}}`` for the courses, defaults filled in. One query."""
    keys = [parse_course_key(key) for key in course_keys]
    stored = {}
    if keys:
        for row in PhaseCriteria.objects.filter(course_key__in=keys):
            stored[(str(row.course_key), row.phase)] = row
    result = {}
    for key in keys:
        phases = {}
        for phase in data.PHASES:
            row = stored.get((str(key), phase))
            thresholds = _default_thresholds(phase)
            if row is not None:
                thresholds.update({a: int(n) for a, n in row.thresholds.items() if a in thresholds})
            phases[phase] = data.PhaseCriteria(
                course_key=str(key), phase=phase, thresholds=thresholds, is_default=row is None,
                label=str(PHASE_LABELS[phase]),
                action_labels={action: str(ACTION_LABELS[action]) for action in data.PHASE_ACTIONS[phase]})
        result[str(key)] = phases
    return result


def get_phase_criteria(*, user, course_key) -> tuple[data.PhaseCriteria, ...]:
    """The course's criteria for each phase; its members and staff may read them."""
    actor = actor_for(user=user, course_key=course_key)
    if not actor.is_member:
        from ..exceptions import AccessDenied  # pylint: disable=import-outside-toplevel

        raise AccessDenied(_("Only members of this course community can see its phases."))
    return tuple(criteria_by_course([actor.course_key])[str(actor.course_key)].values())


def _clean_thresholds(phase: str, thresholds) -> dict:
    if phase not in data.PHASES:
        raise InvalidInput(_("Choose one of the four phases."), errors={"phase": [_("Unknown phase.")]})
    if not isinstance(thresholds, dict):
        raise InvalidInput(_("Send how often each action is needed."), errors={"thresholds": [_("Not an object.")]})
    errors, clean = {}, {}
    for action, value in thresholds.items():
        if action not in data.PHASE_ACTIONS[phase]:
            errors[action] = [_("This action does not belong to this phase.")]
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_THRESHOLD:
            errors[action] = [_("Enter a whole number from 0 to %(max)s.") % {"max": MAX_THRESHOLD}]
        else:
            clean[action] = value
    if errors:
        raise InvalidInput(_("The criteria were not saved: check the numbers marked."), errors=errors)
    return clean


def set_phase_criteria(*, user, course_key, phase: str, thresholds: dict) -> data.PhaseCriteria:
    """Course staff set how often each action of ``phase`` is needed in their course (0: not needed)."""
    actor = require_staff(actor_for(user=user, course_key=course_key),
                          _("Only the course's staff can set the criteria of its phases."))
    clean = _clean_thresholds(phase, thresholds)
    with transaction.atomic():
        row, _created = PhaseCriteria.objects.select_for_update().get_or_create(
            course_key=actor.course_key, phase=phase, defaults={"thresholds": {}, "modified_by_id": user.id})
        row.thresholds = {**_default_thresholds(phase), **row.thresholds, **clean}
        row.modified_by_id = user.id
        row.save()
    return criteria_by_course([actor.course_key])[str(actor.course_key)][phase]


# -- progression --


def progression_of(course_key: str, row: PhaseProgress | None, criteria: dict[str, data.PhaseCriteria],
                   credentials: dict[str, str]) -> data.Progression:
    """A member's progression in one course from their recorded row (no query)."""
    steps, next_phase = [], ""
    for phase in data.PHASES:
        thresholds = criteria[phase].thresholds
        actions = tuple(
            data.ActionProgress(action=action, label=str(ACTION_LABELS[action]),
                                done=getattr(row, action, 0) if row else 0, needed=thresholds.get(action, 0))
            for action in data.PHASE_ACTIONS[phase]
        )
        # A phase that asks for nothing is met by taking part in the course at all.
        is_met = all(item.is_met for item in actions) and (
            any(item.needed for item in actions) or any(item.done for item in actions))
        missing = tuple(_more(item.action, item.needed - item.done) for item in actions if not item.is_met)
        if not is_met and not missing:
            missing = (_("Take part in this phase's activities once."),)
        steps.append(data.PhaseStep(
            phase=phase, label=str(PHASE_LABELS[phase]), is_formal=phase not in data.INFORMAL_PHASES,
            is_met=is_met, actions=actions, next_steps=missing, credential_uuid=credentials.get(phase, ""),
        ))
        if not is_met and not next_phase:
            next_phase = phase
    return data.Progression(course_key=course_key, steps=tuple(steps), next_phase=next_phase,
                            updated=row.updated.isoformat() if row else "")


def progress_rows(*, user_id: int, course_keys) -> dict[str, PhaseProgress]:
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    return {str(row.course_key): row for row in PhaseProgress.objects.filter(user_id=user_id, course_key__in=keys)}


@retrying_atomic
def _upsert(rows: list[PhaseProgress]) -> None:
    # Two recordings of the same member at once (the task and their claim) may meet InnoDB's
    # gap locks: the loser tries again. MariaDB/MySQL upsert on any unique key and take no target.
    target = ["user", "course_key"] if connection.features.supports_update_conflicts_with_target else None
    PhaseProgress.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=target, update_fields=[*data.ACTIONS, "updated"],
    )


def record_phase_progress(*, course_key, user_ids=None, batch_size: int = 500) -> int:
    """
    Count what each member (or those in ``user_ids``) did in the course, from
    every feature, and write their progress rows. A fixed number of queries
    per batch of members. Returns how many rows were written.
    """
    key = parse_course_key(course_key)
    batches = ([list(user_ids)] if user_ids is not None
               else member_id_batches(course_key=key, batch_size=batch_size))
    written = 0
    for ids in batches:
        if not ids:
            continue
        counts: dict[int, dict[str, int]] = {user_id: {} for user_id in ids}
        for counter in _COUNTERS:
            for user_id, values in counter(course_key=key, user_ids=ids).items():
                counts.setdefault(user_id, {}).update(values)
        now = timezone.now()
        rows = [PhaseProgress(user_id=user_id, course_key=key, updated=now,
                              **{action: values.get(action, 0) for action in data.ACTIONS})
                for user_id, values in counts.items()]
        _upsert(rows)
        written += len(rows)
    return written


def record_all_phase_progress() -> int:
    """Every community's progress rows, course by course (the periodic task)."""
    return sum(record_phase_progress(course_key=key) for key in list_community_course_keys())


def refresh_course_progress(*, user, course_key) -> int:
    """Course staff record their course's progress now, instead of waiting for the periodic task."""
    actor = require_staff(actor_for(user=user, course_key=course_key))
    return record_phase_progress(course_key=actor.course_key)
