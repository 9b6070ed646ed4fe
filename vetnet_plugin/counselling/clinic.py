"""
The case clinic (optional per case): a facilitator leads the owner and the
advisers they invite through timeboxed phases (clarify the problem, advise,
agree an action plan); the resulting action plan is saved on the case for
others to learn from. While it runs, only its participants answer; everyone
who may see the case reads along.

The case owner or course staff start it and name the facilitator (another
member, or staff); the facilitator or staff move it on, phase by phase;
the facilitator, the owner or staff write the plan in the last phase. Each
move is one conditional update, so two leaders moving at once advance it
one phase.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import AccessDenied, InvalidInput
from ..members.api import is_active_member, is_moderator
from . import data
from .cases import MAX_TEXT_LENGTH, _case, _clean_advisers, _member, _text, find_case
from .desks import find_desk
from .models import CaseAdviser, CounsellingCase

MIN_MINUTES, MAX_MINUTES = 5, 240
_NEXT = dict(zip(data.CLINIC_PHASES, data.CLINIC_PHASES[1:], strict=False))


def _minutes(value, errors: dict) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_MINUTES <= value <= MAX_MINUTES:
        errors["minutes"] = [_("Each phase lasts {low} to {high} minutes.").format(low=MIN_MINUTES, high=MAX_MINUTES)]
        return 0
    return value


def _facilitator(username, *, key, owner_id, errors: dict):
    if not isinstance(username, str) or not username.strip() or len(username) > 150:
        errors["facilitator"] = [_("Name the facilitator by their username.")]
        return None
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None or not (is_active_member(user_id=user.id, course_key=key) or is_moderator(user=user,
                                                                                           course_key=key)):
        errors["facilitator"] = [_("Not a member of this course: {name}.").format(name=username.strip()[:150])]
        return None
    if user.id == owner_id:
        errors["facilitator"] = [_("Another member, or course staff, facilitates the clinic of your case.")]
        return None
    return user


def start_clinic(*, user, course_key, usage_key: str, case_uuid, facilitator, advisers=(),
                 minutes=20) -> data.Case:
    """
    The case owner (or course staff) starts a case clinic: ``facilitator``
    (a username: another member or staff) leads it, ``advisers`` (usernames of
    members) are invited, each phase lasts ``minutes``. It starts with the
    "clarify" phase. ``InvalidInput`` per field; a case has one clinic.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if not (actor.is_staff or (case.owner_id is not None and case.owner_id == actor.user_id)):
        raise AccessDenied(_("Only the case owner or course staff start a case clinic."))
    if case.clinic_phase:
        raise InvalidInput(_("This case already has a clinic."))
    errors: dict = {}
    lead = _facilitator(facilitator, key=actor.course_key, owner_id=case.owner_id, errors=errors)
    length = _minutes(minutes, errors)
    invited = _clean_advisers(advisers, actor.course_key, case.owner or user, errors)
    if errors:
        raise InvalidInput(_("The clinic did not start: check the fields marked."), errors=errors)
    CaseAdviser.objects.bulk_create([CaseAdviser(case=case, user_id=u) for u in invited if u != lead.id],
                                    ignore_conflicts=True)
    started = CounsellingCase.objects.filter(pk=case.pk, clinic_phase="").update(
        clinic_phase=data.CLINIC_PHASES[0], clinic_facilitator=lead, clinic_phase_started_at=timezone.now(),
        clinic_phase_minutes=length)
    if not started:
        raise InvalidInput(_("This case already has a clinic."))
    return _case(find_case(actor.course_key, usage_key, case_uuid, actor), actor=actor, desk=desk)


def advance_clinic(*, user, course_key, usage_key: str, case_uuid) -> data.Case:
    """The facilitator (or course staff) moves the clinic to its next phase; its timebox starts again."""
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if not case.clinic_phase:
        raise InvalidInput(_("This case has no clinic."))
    if not (actor.is_staff or case.clinic_facilitator_id == actor.user_id):
        raise AccessDenied(_("Only the facilitator or course staff lead the clinic."))
    following = _NEXT.get(case.clinic_phase)
    if following is None:
        raise InvalidInput(_("The clinic is over."))
    CounsellingCase.objects.filter(pk=case.pk, clinic_phase=case.clinic_phase).update(
        clinic_phase=following, clinic_phase_started_at=timezone.now())
    return _case(find_case(actor.course_key, usage_key, case_uuid, actor), actor=actor, desk=desk)


def save_action_plan(*, user, course_key, usage_key: str, case_uuid, plan) -> data.Case:
    """In the clinic's action-plan phase, the facilitator, the owner or staff save the plan on the case."""
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if case.clinic_phase != "action_plan":
        raise InvalidInput(_("The action plan is written in the clinic's last phase."))
    if not (actor.is_staff or actor.user_id in (case.clinic_facilitator_id, case.owner_id)):
        raise AccessDenied(_("Only the facilitator, the case owner or course staff write the action plan."))
    errors: dict = {}
    plan = _text(plan, field="plan", limit=MAX_TEXT_LENGTH, required=True, errors=errors,
                 message=_("Write the steps the owner will take."))
    if errors:
        raise InvalidInput(_("The action plan was not saved: check the fields marked."), errors=errors)
    CounsellingCase.objects.filter(pk=case.pk).update(action_plan=plan, action_plan_at=timezone.now())
    return _case(find_case(actor.course_key, usage_key, case_uuid, actor), actor=actor, desk=desk)
