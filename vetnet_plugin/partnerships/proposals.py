"""
Proposing a partnership and forming it: the proposer sets out the topic, aims,
timeline and funding instrument and invites partners, with their roles and
commitments; each invited member accepts or declines; the proposer may
withdraw an invitation not yet answered.

Every answer is written under the partnership row's lock, so any number of
partners answering at the same moment all succeed, and the partnership that
becomes eligible is formed, and given its workspace, exactly once.
"""
from __future__ import annotations

import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.access import display_name, require_member
from ..core.markup import render_markdown
from ..core.rate_limits import check_rate_limit
from ..core.taxonomy import TOPIC_CODES
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from ..members.api import actor_for, get_member_profiles, is_active_member
from ..workspaces.api import open_commissioned_workspace, seat_commissioned_member
from . import data
from .eligibility import check_composition, find_instrument, get_instrument
from .models import Partnership, PartnershipMember
from .notices import notify_on_commit

User = get_user_model()
ROLE_CODES = tuple(code for code, _label in PartnershipMember.ROLES)
MAX_PARTNERS = 60


def _text(value, *, name: str, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(_("Send text."), errors={name: [_("Send text.")]})
    value = value.strip()
    if required and not value:
        raise InvalidInput(_("This field is required."), errors={name: [_("This field is required.")]})
    if len(value) > limit:
        message = _("Keep this under {limit} characters.").format(limit=limit)
        raise InvalidInput(message, errors={name: [message]})
    return value


def _role(value) -> str:
    value = value or PartnershipMember.PARTNER
    if value not in ROLE_CODES:
        message = _("Choose a role from the list.")
        raise InvalidInput(message, errors={"role": [message]})
    return value


def _partnership(course_key, partnership_uuid) -> Partnership:
    try:
        wanted = uuid.UUID(str(partnership_uuid))
    except ValueError as error:
        raise NotFound(_("No such partnership in this course.")) from error
    found = Partnership.objects.filter(course_key=course_key, uuid=wanted).first()
    if found is None:
        raise NotFound(_("No such partnership in this course."))
    return found


def _seat(actor, partnership: Partnership) -> str:
    if actor.user_id is None:
        return ""
    return PartnershipMember.objects.filter(partnership=partnership, user_id=actor.user_id).values_list(
        "status", flat=True).first() or ""


def _can_manage(actor, partnership: Partnership) -> bool:
    return actor.is_staff or (actor.user_id is not None and partnership.proposer_id == actor.user_id)


def _readable(actor, partnership: Partnership, status: str) -> None:
    # A withdrawn invitation no longer opens the partnership to its former invitee.
    if not (actor.is_staff or status in (PartnershipMember.PROPOSER, PartnershipMember.ACCEPTED,
                                         PartnershipMember.INVITED, PartnershipMember.DECLINED)):
        raise AccessDenied(_("Only the partners of this partnership and course staff can see it."))


def _composition(rows, profiles, statuses) -> list[tuple[str, str]]:
    return [(profiles[row.user_id].country, profiles[row.user_id].organisation_type)
            for row in rows if row.status in statuses and row.user_id in profiles]


def _verdict(partnership: Partnership, rows, profiles, statuses=PartnershipMember.IN_PARTNERSHIP) -> data.Eligibility:
    instrument = find_instrument(partnership.instrument)
    if instrument is None:
        return data.Eligibility(instrument=partnership.instrument, eligible=False, organisations=0, countries=(),
                                missing=(_("This funding instrument is no longer offered: choose another."),))
    return check_composition(instrument, _composition(rows, profiles, statuses))


def partnership_value(actor, partnership: Partnership, *, status: str | None = None) -> data.Partnership:
    """The partnership as ``actor`` sees it, with its partners and the verdict of its instrument's rules."""
    if status is None:
        status = _seat(actor, partnership)
    rows = list(PartnershipMember.objects.filter(partnership=partnership).order_by("invited", "pk"))
    profiles = get_member_profiles(user_ids=[row.user_id for row in rows])
    partners = tuple(data.Partner(
        user_id=row.user_id, name=profiles[row.user_id].full_name if row.user_id in profiles else "",
        country=profiles[row.user_id].country if row.user_id in profiles else "",
        organisation_type=profiles[row.user_id].organisation_type if row.user_id in profiles else "",
        organisation=profiles[row.user_id].organisation if row.user_id in profiles else "",
        role=row.role, commitment=row.commitment, status=row.status, answered=row.answered,
    ) for row in rows if row.status != PartnershipMember.WITHDRAWN or _can_manage(actor, partnership))
    instrument = find_instrument(partnership.instrument)
    with_invited = _verdict(partnership, rows, profiles,
                            (*PartnershipMember.IN_PARTNERSHIP, PartnershipMember.INVITED))
    return data.Partnership(
        uuid=str(partnership.uuid), title=partnership.title, topic=partnership.topic, aims=partnership.aims,
        timeline=partnership.timeline, instrument=partnership.instrument,
        instrument_label=instrument.label if instrument else partnership.instrument, state=partnership.state,
        proposer_id=partnership.proposer_id, partners=partners, eligibility=_verdict(partnership, rows, profiles),
        workspace_uuid=str(partnership.workspace_uuid or ""), my_status=status,
        can_manage=_can_manage(actor, partnership) and partnership.state != Partnership.CLOSED,
        created=partnership.created, aims_html=render_markdown(partnership.aims),
        timeline_html=render_markdown(partnership.timeline),
        extra={"eligible_if_all_accept": with_invited.eligible},
    )


def _invitee(actor, user_id) -> int:
    try:
        user_id = int(user_id)
    except (TypeError, ValueError) as error:
        raise InvalidInput(_("Choose a member."), errors={"user_id": [_("Choose a member.")]}) from error
    if user_id == actor.user_id:
        raise InvalidInput(_("You are already in this partnership."), errors={"user_id": [_("Choose a member.")]})
    if not User.objects.filter(pk=user_id, is_active=True).exists() or not is_active_member(
            user_id=user_id, course_key=actor.course_key):
        raise NotFound(_("No such member in this course community."))
    return user_id


def _clean_partners(actor, partners) -> list[dict]:
    if partners is None:
        return []
    if not isinstance(partners, (list, tuple)) or len(partners) > MAX_PARTNERS:
        message = _("Send at most {count} partners.").format(count=MAX_PARTNERS)
        raise InvalidInput(message, errors={"partners": [message]})
    cleaned, seen = [], set()
    for partner in partners:
        if not isinstance(partner, dict):
            raise InvalidInput(_("Choose a member."), errors={"partners": [_("Choose a member.")]})
        user_id = _invitee(actor, partner.get("user_id"))
        if user_id in seen:
            continue
        seen.add(user_id)
        cleaned.append({"user_id": user_id, "role": _role(partner.get("role")),
                        "commitment": _text(partner.get("commitment"), name="commitment", limit=2000)})
    return cleaned


def propose_partnership(*, user, course_key, usage_key: str = "", title: str, topic: str = "", aims: str = "",
                        timeline: str = "", instrument: str, commitment: str = "", partners=None) -> data.Partnership:
    """
    Propose a partnership on a strategic topic aimed at a funding instrument;
    the proposer coordinates it. ``partners`` (``{"user_id", "role",
    "commitment"}`` each) are invited at once and told by e-mail.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course community can propose a partnership."))
    title = _text(title, name="title", limit=200, required=True)
    topic = _text(topic, name="topic", limit=64)
    if topic and topic not in TOPIC_CODES:
        raise InvalidInput(_("Choose a topic from the list."), errors={"topic": [_("Choose a topic from the list.")]})
    aims = _text(aims, name="aims", limit=10000)
    timeline = _text(timeline, name="timeline", limit=5000)
    commitment = _text(commitment, name="commitment", limit=2000)
    chosen = get_instrument(str(instrument or ""))
    invited = _clean_partners(actor, partners)
    check_rate_limit(action="partnership", queryset=Partnership.objects.filter(proposer_id=actor.user_id))
    partnership = _create(actor=actor, usage_key=str(usage_key or ""), title=title, topic=topic, aims=aims,
                          timeline=timeline, instrument=chosen.key, commitment=commitment, invited=invited)
    return partnership_value(actor, partnership, status=PartnershipMember.PROPOSER)


@retrying_atomic
def _create(*, actor, usage_key, title, topic, aims, timeline, instrument, commitment, invited) -> Partnership:
    partnership = Partnership.objects.create(
        course_key=actor.course_key, usage_key=usage_key, proposer_id=actor.user_id, title=title, topic=topic,
        aims=aims, timeline=timeline, instrument=instrument)
    PartnershipMember.objects.create(partnership=partnership, user_id=actor.user_id, status=PartnershipMember.PROPOSER,
                                     role=PartnershipMember.COORDINATOR, commitment=commitment,
                                     answered=timezone.now())
    for partner in invited:
        PartnershipMember.objects.create(partnership=partnership, status=PartnershipMember.INVITED, **partner)
        notify_on_commit("invitation", partnership_id=partnership.pk, user_id=partner["user_id"])
    return partnership


def get_partnership(*, user, course_key, partnership_uuid) -> data.Partnership:
    """The partnership, its partners and its eligibility, for its partners, invitees and course staff."""
    actor = actor_for(user=user, course_key=course_key)
    partnership = _partnership(actor.course_key, partnership_uuid)
    status = _seat(actor, partnership)
    _readable(actor, partnership, status)
    return partnership_value(actor, partnership, status=status)


def list_partnerships(*, user, course_key, usage_key: str = "") -> tuple[data.Partnership, ...]:
    """The partnerships the acting member proposed, belongs to or is invited to (in this block when given)."""
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course community can see partnerships."))
    rows = PartnershipMember.objects.filter(user_id=actor.user_id, partnership__course_key=actor.course_key).exclude(
        status=PartnershipMember.WITHDRAWN)
    if usage_key:
        rows = rows.filter(partnership__usage_key=str(usage_key))
    rows = rows.select_related("partnership").order_by("-partnership__created", "-pk")[:50]
    return tuple(partnership_value(actor, row.partnership, status=row.status) for row in rows)


def _managed(user, course_key, partnership_uuid):
    actor = actor_for(user=user, course_key=course_key)
    partnership = _partnership(actor.course_key, partnership_uuid)
    if not _can_manage(actor, partnership):
        raise AccessDenied(_("Only the partnership's proposer and course staff can do this."))
    if partnership.state == Partnership.CLOSED:
        raise Conflict(_("This partnership is closed."))
    return actor, partnership


def invite_partner(*, user, course_key, partnership_uuid, user_id: int, role: str = "",
                   commitment: str = "") -> data.Partnership:
    """The proposer (or staff) invites a member of the course community, with a role and a commitment."""
    actor, partnership = _managed(user, course_key, partnership_uuid)
    user_id = _invitee(actor, user_id)
    role = _role(role)
    commitment = _text(commitment, name="commitment", limit=2000)
    check_rate_limit(action="partnership_invitation", time_field="invited",
                     queryset=PartnershipMember.objects.filter(partnership__proposer_id=partnership.proposer_id))
    if _invite(partnership.pk, user_id, role, commitment):
        notify_on_commit("invitation", partnership_id=partnership.pk, user_id=user_id)
    return partnership_value(actor, partnership)


@retrying_atomic
def _invite(partnership_id, user_id, role, commitment) -> bool:
    lock_for_update(Partnership.objects.filter(pk=partnership_id))
    row = PartnershipMember.objects.filter(partnership_id=partnership_id, user_id=user_id).first()
    if row is None:
        PartnershipMember.objects.create(partnership_id=partnership_id, user_id=user_id, role=role,
                                         commitment=commitment, status=PartnershipMember.INVITED)
        return True
    if row.status in (PartnershipMember.PROPOSER, PartnershipMember.ACCEPTED, PartnershipMember.INVITED):
        raise Conflict(_("This member is already invited to or part of this partnership."))
    # Declined or withdrawn before: asked again.
    PartnershipMember.objects.filter(pk=row.pk).update(status=PartnershipMember.INVITED, role=role,
                                                       commitment=commitment, answered=None)
    return True


def withdraw_invitation(*, user, course_key, partnership_uuid, user_id: int) -> data.Partnership:
    """The proposer (or staff) withdraws an invitation the member has not answered yet."""
    actor, partnership = _managed(user, course_key, partnership_uuid)
    try:
        user_id = int(user_id)
    except (TypeError, ValueError) as error:
        raise InvalidInput(_("Choose a member."), errors={"user_id": [_("Choose a member.")]}) from error
    changed = PartnershipMember.objects.filter(partnership=partnership, user_id=user_id,
                                               status=PartnershipMember.INVITED).update(
        status=PartnershipMember.WITHDRAWN, answered=timezone.now())
    if not changed:
        raise NotFound(_("This member has no open invitation to withdraw."))
    return partnership_value(actor, partnership)


def answer_invitation(*, user, course_key, partnership_uuid, accept: bool) -> data.Partnership:
    """
    The invited member accepts or declines. An acceptance that makes the
    partnership eligible for its instrument forms it and opens its workspace;
    partners who accept later join that workspace.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course community can join a partnership."))
    partnership = _partnership(actor.course_key, partnership_uuid)
    if partnership.state == Partnership.CLOSED:
        raise Conflict(_("This partnership is closed."))
    _answer(partnership.pk, actor.user_id, bool(accept))
    if partnership.proposer_id and partnership.proposer_id != actor.user_id:
        notify_on_commit("accepted" if accept else "declined", partnership_id=partnership.pk,
                         user_id=actor.user_id)
    partnership.refresh_from_db()
    return partnership_value(actor, partnership)


@retrying_atomic
def _answer(partnership_id: int, user_id: int, accept: bool) -> None:
    # The lock first: the composition read below then holds every answer committed before this one.
    lock_for_update(Partnership.objects.filter(pk=partnership_id))
    partnership = Partnership.objects.get(pk=partnership_id)
    row = PartnershipMember.objects.filter(partnership_id=partnership_id, user_id=user_id).first()
    if row is None or row.status not in (PartnershipMember.INVITED, PartnershipMember.ACCEPTED,
                                         PartnershipMember.DECLINED):
        raise NotFound(_("You have no invitation to this partnership."))
    status = PartnershipMember.ACCEPTED if accept else PartnershipMember.DECLINED
    if row.status != status:
        PartnershipMember.objects.filter(pk=row.pk).update(status=status, answered=timezone.now())
    if not accept:
        return
    if partnership.workspace_uuid:
        seat_commissioned_member(workspace_uuid=partnership.workspace_uuid, user_id=user_id)
        return
    rows = list(PartnershipMember.objects.filter(partnership_id=partnership_id))
    profiles = get_member_profiles(user_ids=[r.user_id for r in rows])
    if partnership.state == Partnership.FORMING and _verdict(partnership, rows, profiles).eligible:
        _form(partnership, rows)


def _form(partnership: Partnership, rows) -> None:
    """Formed: the partnership gets its workspace, with every partner who accepted so far."""
    facilitator = partnership.proposer_id or next(r.user_id for r in rows if r.status in
                                                  PartnershipMember.IN_PARTNERSHIP)
    goal = partnership.aims
    workspace_uuid = open_commissioned_workspace(
        course_key=partnership.course_key, usage_key=partnership.usage_key or f"partnership:{partnership.uuid}",
        title=partnership.title, goal=goal, facilitator_id=facilitator)
    for row in rows:
        if row.status in PartnershipMember.IN_PARTNERSHIP and row.user_id != facilitator:
            seat_commissioned_member(workspace_uuid=workspace_uuid, user_id=row.user_id)
    Partnership.objects.filter(pk=partnership.pk).update(state=Partnership.FORMED, workspace_uuid=workspace_uuid,
                                                         modified=timezone.now())
    for row in rows:
        if row.status in PartnershipMember.IN_PARTNERSHIP:
            notify_on_commit("formed", partnership_id=partnership.pk, user_id=row.user_id)


def set_partnership_notices(*, user, course_key, partnership_uuid, enabled: bool) -> None:
    """Turn the person's e-mail notices about this partnership on or off."""
    actor = actor_for(user=user, course_key=course_key)
    partnership = _partnership(actor.course_key, partnership_uuid)
    if not PartnershipMember.objects.filter(partnership=partnership, user_id=actor.user_id).update(
            email_notices=bool(enabled)):
        raise AccessDenied(_("Only people in this partnership receive its notices."))


def partner_name(user_id) -> str:
    return display_name(User.objects.filter(pk=user_id).first())
