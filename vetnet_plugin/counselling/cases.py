"""
Counselling cases: the structured intake, the case page with its answers
(posts of the discussion core), accepting answers, and the "needs help" queue.
"""
from __future__ import annotations

import uuid as uuid_module
from dataclasses import replace
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from .. import data as base_data
from ..core.access import Actor, display_name, require_member
from ..core.languages import language_of
from ..core.markup import render_markdown
from ..core.pagination import paginate
from ..core.rate_limits import check_rate_limit
from ..core.taxonomy import ORGANISATION_TYPE_CODES, SECTOR_CODES
from ..core.transactions import lock_for_update, retrying_atomic
from ..discussions.api import (
    CASE_TRANSLATION,
    contribute_translation,
    create_post,
    delete_translations,
    get_or_create_thread,
    get_thread,
    post_in_thread,
    register_author_mask,
    register_thread_guard,
    register_translatable,
    translations_for,
    vote_post,
    vote_totals,
)
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import actor_for, is_active_member, is_moderator
from . import data
from .desks import find_desk
from .models import (
    AcceptedAnswer,
    CaseAdviser,
    CaseRouting,
    CaseTopic,
    CounsellingCase,
    CounsellingNoticeOptOut,
)
from .routing import route_on_commit

MAX_TITLE_LENGTH = 200
MAX_TEXT_LENGTH = 10000
MAX_CASE_TOPICS = 5
EXCERPT_LENGTH = 240
MAX_ADVISERS = 20
CASE_PREFIX = "case:"


def case_target(case_uuid) -> str:
    """The discussion-core target of a case's thread."""
    return f"{CASE_PREFIX}{case_uuid}"


def _member(user, course_key) -> Actor:
    return require_member(actor_for(user=user, course_key=course_key),
                          _("Only members of this course community can take part in peer counselling."))


def _text(value, *, field: str, limit: int, required: bool, errors: dict, message: str = "") -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[field] = [_("Enter text.")]
        return ""
    value = value.strip()
    if required and not value:
        errors[field] = [message or _("This field is required.")]
    elif len(value) > limit:
        errors[field] = [_("Use at most {limit} characters.").format(limit=limit)]
    return value


def _code(value, *, field: str, allowed, errors: dict) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or value not in allowed:
        errors[field] = [_("Choose from the list.")]
        return ""
    return value


def _clean_topics(values, desk, errors: dict) -> list[str]:
    if values in (None, ""):
        return []
    if isinstance(values, str):
        values = [values]
    allowed = [t["code"] for t in desk.topics]
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        errors["topics"] = [_("Choose topics from the list.")]
        return []
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        errors["topics"] = [_("Unknown topic(s): {values}.").format(values=", ".join(v[:64] for v in unknown[:5]))]
        return []
    chosen = [code for code in allowed if code in values]
    if len(chosen) > MAX_CASE_TOPICS:
        errors["topics"] = [_("Choose at most {limit} topics.").format(limit=MAX_CASE_TOPICS)]
        return []
    return chosen


def _uuid(value) -> uuid_module.UUID | None:
    try:
        return uuid_module.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def visible_to(cases, actor: Actor):
    """``cases`` narrowed to those ``actor`` may see: private circles only for their owner, advisers and staff."""
    if actor.is_staff:
        return cases
    invited = CaseAdviser.objects.filter(case=OuterRef("pk"), user_id=actor.user_id)
    return cases.filter(Q(is_private=False) | Q(owner_id=actor.user_id) | Exists(invited))


def find_case(key, usage_key: str, case_uuid, actor: Actor) -> CounsellingCase:
    """The case in this block of this course, if ``actor`` may see it; ``NotFound`` for anything else."""
    found = _uuid(case_uuid)
    case = None
    if found is not None:
        cases = CounsellingCase.objects.filter(uuid=found, course_key=key, usage_key=str(usage_key), is_retired=False)
        case = visible_to(cases, actor).select_related("owner", "clinic_facilitator").first()
    if case is None:
        raise NotFound(_("No such case in this peer counselling."))
    return case


def _topic_labels(desk) -> dict[str, str]:
    return {t["code"]: t["label"] for t in desk.topics}


def hides_owner(case: CounsellingCase, *, viewer_id, staff: bool) -> bool:
    """An anonymous case hides its owner from everyone but the owner and course staff."""
    return case.is_anonymous and not staff and not (viewer_id is not None and case.owner_id == viewer_id)


def _summary(case: CounsellingCase, *, viewer, topics, labels, staff: bool = False) -> data.CaseSummary:
    hours = None
    if case.first_answer_at is not None:
        hours = round((case.first_answer_at - case.created).total_seconds() / 3600, 1)
    problem = case.problem
    excerpt = problem if len(problem) <= EXCERPT_LENGTH else problem[:EXCERPT_LENGTH].rsplit(" ", 1)[0] + "…"
    return data.CaseSummary(
        uuid=str(case.uuid), title=case.title, problem_excerpt=excerpt, language=case.language,
        topics=tuple(data.Topic(code=code, label=labels.get(code, code)) for code in topics),
        sector=case.sector, country=case.country, organisation_type=case.organisation_type,
        status=data.SOLVED if case.is_solved else data.OPEN, answer_count=case.answer_count,
        accepted_count=case.accepted_count, created=case.created, first_answer_at=case.first_answer_at,
        hours_to_first_answer=hours, is_private=case.is_private, is_anonymous=case.is_anonymous,
        owner_name="" if hides_owner(case, viewer_id=getattr(viewer, "id", None), staff=staff)
        else display_name(case.owner),
        is_own=viewer is not None and case.owner_id is not None and case.owner_id == getattr(viewer, "id", None),
    )


def topics_of(case_ids) -> dict[int, list[str]]:
    """The topic codes of each of the cases ``case_ids``, in one query."""
    found: dict[int, list[str]] = {}
    for case_id, topic in CaseTopic.objects.filter(case_id__in=list(case_ids)).order_by("id").values_list(
            "case_id", "topic"):
        found.setdefault(case_id, []).append(topic)
    return found


def summaries(rows, *, viewer, desk, staff: bool = False) -> tuple[data.CaseSummary, ...]:
    """Cases as the queue shows them, with their topics: one query for the whole page."""
    topics, labels = topics_of([c.pk for c in rows]), _topic_labels(desk)
    return tuple(_summary(c, viewer=viewer, topics=topics.get(c.pk, ()), labels=labels, staff=staff) for c in rows)


def _case(case: CounsellingCase, *, actor: Actor, desk) -> data.Case:
    topics = [t for t in CaseTopic.objects.filter(case=case).order_by("id").values_list("topic", flat=True)]
    accepted = tuple(str(u) for u in AcceptedAnswer.objects.filter(case=case).order_by("created", "id")
                     .values_list("post_uuid", flat=True))
    advisers = ()
    if case.is_private and (actor.is_staff or case.owner_id == actor.user_id):
        advisers = tuple(display_name(row.user) for row in
                         CaseAdviser.objects.filter(case=case).select_related("user").order_by("id"))
    is_owner = case.owner_id is not None and case.owner_id == actor.user_id
    due = (is_owner and not case.outcome and desk.follow_up_days > 0
           and case.created <= timezone.now() - timedelta(days=desk.follow_up_days))
    hidden = hides_owner(case, viewer_id=actor.user_id, staff=actor.is_staff)
    translated = translations_for(kind=CASE_TRANSLATION, object_ids=[case.pk]).get(case.pk, ())
    if hidden:
        translated = tuple(replace(t, translator_name="" if t.translator_id == case.owner_id else t.translator_name,
                                   corrected_by_name="" if t.corrected_by_id == case.owner_id else t.corrected_by_name)
                           for t in translated)
    return data.Case(
        clinic=_clinic(case, actor=actor), translations=translated,
        adviser_names=advisers, outcome=case.outcome, outcome_note=case.outcome_note,
        outcome_note_html=render_markdown(case.outcome_note), follow_up_due=due,
        summary=_summary(case, viewer=actor.user, topics=topics, labels=_topic_labels(desk), staff=actor.is_staff),
        problem=case.problem, problem_html=render_markdown(case.problem),
        already_tried=case.already_tried, already_tried_html=render_markdown(case.already_tried),
        outcome_wanted=case.outcome_wanted, outcome_wanted_html=render_markdown(case.outcome_wanted),
        thread_id=case.thread_uuid, owner_id=None if hidden else case.owner_id, accepted_answer_ids=accepted,
        can_accept=actor.is_staff or (case.owner_id is not None and case.owner_id == actor.user_id),
    )


CLINIC_RUNNING = ("clarify", "advise", "action_plan")


def clinic_participant(case: CounsellingCase, actor: Actor) -> bool:
    """The owner, the facilitator, an invited adviser or course staff: who answers while a clinic runs."""
    if actor.is_staff or actor.user_id in (case.owner_id, case.clinic_facilitator_id):
        return True
    return CaseAdviser.objects.filter(case=case, user_id=actor.user_id).exists()


def _clinic(case: CounsellingCase, *, actor: Actor) -> data.Clinic | None:
    if not case.clinic_phase:
        return None
    started, minutes = case.clinic_phase_started_at, case.clinic_phase_minutes
    running = case.clinic_phase in CLINIC_RUNNING
    lead = actor.is_staff or (actor.user_id is not None and actor.user_id == case.clinic_facilitator_id)
    return data.Clinic(
        phase=case.clinic_phase, facilitator_name=display_name(case.clinic_facilitator),
        phase_started_at=started, phase_minutes=minutes,
        phase_ends_at=started + timedelta(minutes=minutes) if started and running else None,
        action_plan=case.action_plan, action_plan_html=render_markdown(case.action_plan),
        can_lead=lead and running,
        can_write_plan=case.clinic_phase == "action_plan" and (
            lead or (actor.user_id is not None and actor.user_id == case.owner_id)),
        is_participant=clinic_participant(case, actor),
    )


def search_text(*parts: str) -> str:
    return " ".join(p for p in parts if p).lower()


def open_case(
    *, user, course_key, usage_key: str, title, problem, already_tried="", outcome_wanted="",
    organisation_type="", country="", sector="", topics=(), language="", private=False, advisers=(),
    anonymous=False,
) -> data.Case:
    """
    A member opens a case with the structured intake: the problem, what was
    already tried, the outcome wanted, the context (organisation type,
    country, sector) and topic tags from the trainer's list. The language is
    the one given, or detected from the text. With ``private`` (where the
    trainer allows it) only the ``advisers`` invited (usernames of members of
    the course) and course staff see the case. With ``anonymous`` (where the
    trainer allows it) other members do not see who opened the case, in the
    queue, on the case, in its thread and in e-mails; course staff still do.
    Where the trainer turned routing on, members whose profiles match an open
    (not private) case are told by a Celery task. Raises ``InvalidInput`` with a
    message per field, ``RateLimited`` when a member opens cases too fast.
    """
    actor = _member(user, course_key)
    key = actor.course_key
    desk = find_desk(key, usage_key)
    errors: dict = {}
    title = _text(title, field="title", limit=MAX_TITLE_LENGTH, required=True, errors=errors,
                  message=_("Give your case a short title."))
    problem = _text(problem, field="problem", limit=MAX_TEXT_LENGTH, required=True, errors=errors,
                    message=_("Describe the problem you need help with."))
    already_tried = _text(already_tried, field="already_tried", limit=MAX_TEXT_LENGTH, required=False,
                          errors=errors)
    outcome_wanted = _text(outcome_wanted, field="outcome_wanted", limit=MAX_TEXT_LENGTH, required=False,
                           errors=errors)
    organisation_type = _code(organisation_type, field="organisation_type", allowed=ORGANISATION_TYPE_CODES,
                              errors=errors)
    sector = _code(sector, field="sector", allowed=SECTOR_CODES, errors=errors)
    country = _code(country.upper() if isinstance(country, str) else country, field="country",
                    allowed={code for code, _name in countries}, errors=errors)
    chosen = _clean_topics(topics, desk, errors)
    if not isinstance(private, bool):
        errors["private"] = [_("Choose yes or no.")]
    elif private and not desk.allow_private:
        errors["private"] = [_("Private circles are not open in this peer counselling.")]
    if not isinstance(anonymous, bool):
        errors["anonymous"] = [_("Choose yes or no.")]
    elif anonymous and not desk.allow_anonymous:
        errors["anonymous"] = [_("Anonymous cases are not open in this peer counselling.")]
    invited = _clean_advisers(advisers, key, user, errors) if private is True else []
    if errors:
        raise InvalidInput(_("The case was not opened: check the fields marked."), errors=errors)
    code, detected = language_of(f"{title}. {problem} {already_tried} {outcome_wanted}", language)
    check_rate_limit(action="counselling_case", queryset=CounsellingCase.objects.filter(owner=user))
    case_uuid = uuid_module.uuid4()
    thread_id = get_or_create_thread(course_key=key, usage_key=desk.usage_key, target=case_target(case_uuid),
                                     title=title)
    with transaction.atomic():
        case = CounsellingCase.objects.create(
            uuid=case_uuid, course_key=key, usage_key=desk.usage_key, owner=user, title=title, problem=problem,
            already_tried=already_tried, outcome_wanted=outcome_wanted, organisation_type=organisation_type,
            country=country, sector=sector, language=code, language_detected=detected, thread_uuid=thread_id,
            search_text=search_text(title, problem, already_tried, outcome_wanted), is_private=private is True,
            is_anonymous=anonymous is True,
        )
        CaseAdviser.objects.bulk_create([CaseAdviser(case=case, user_id=user_id) for user_id in invited])
        CaseTopic.objects.bulk_create([CaseTopic(case=case, usage_key=desk.usage_key, topic=t) for t in chosen])
        if desk.routing_enabled and not case.is_private:
            route_on_commit(case.pk)
    return _case(case, actor=actor, desk=desk)


def _clean_advisers(usernames, key, owner, errors: dict) -> list[int]:
    """The user ids of the members invited into a private circle; every name must be a member of the course."""
    if usernames in (None, ""):
        return []
    if isinstance(usernames, str):
        usernames = [name for name in usernames.replace(",", " ").split() if name]
    if not isinstance(usernames, (list, tuple)) or not all(isinstance(n, str) and len(n) <= 150 for n in usernames):
        errors["advisers"] = [_("List the advisers by their usernames.")]
        return []
    if len(usernames) > MAX_ADVISERS:
        errors["advisers"] = [_("Invite at most {limit} advisers.").format(limit=MAX_ADVISERS)]
        return []
    found = dict(get_user_model().objects.filter(username__in=list(usernames), is_active=True)
                 .values_list("username", "id"))
    unknown = [name for name in usernames if name not in found
               or not is_active_member(user_id=found[name], course_key=key)]
    if unknown:
        errors["advisers"] = [_("Not members of this course: {names}.").format(names=", ".join(unknown[:5]))]
        return []
    return sorted({found[name] for name in usernames} - {owner.id})


def get_case_page(*, user, course_key, usage_key: str, case_uuid, order: str = "oldest", page=1,
                  page_size=None) -> data.CasePage:
    """
    One case with one page of its answers (comments nested under them), for a
    member of the course. Its number of queries does not grow with the answers.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    thread = get_thread(user=user, course_key=actor.course_key, thread_id=case.thread_uuid,
                        order=order if order in ("oldest", "votes") else "oldest", page=page, page_size=page_size)
    authors = set()
    stack = list(thread.posts)
    while stack:
        post = stack.pop()
        if post.author_id is not None:
            authors.add(post.author_id)
        stack.extend(post.replies)
    found = reputations(user_ids=authors)
    return data.CasePage(case=_case(case, actor=actor, desk=desk), thread=thread,
                         reputations=tuple(found[u] for u in sorted(found)))


def reputations(*, user_ids) -> dict[int, data.Reputation]:
    """
    The counselling reputation of each of ``user_ids`` across every course
    community: their accepted answers (one row per acceptance) and the
    up-votes on their answers to cases (one vote row per voter). Two queries.
    """
    ids = sorted({int(u) for u in user_ids if u is not None})
    if not ids:
        return {}
    accepted = dict(AcceptedAnswer.objects.filter(answerer_id__in=ids, case__is_retired=False).order_by()
                    .values("answerer_id").annotate(n=Count("id")).values_list("answerer_id", "n"))
    upvotes = vote_totals(author_ids=ids, target_prefix=CASE_PREFIX)
    return {u: data.Reputation(user_id=u, accepted_answers=accepted.get(u, 0), upvotes=upvotes.get(u, 0))
            for u in ids}


def get_counselling_reputation(*, user_id: int) -> data.Reputation:
    """One member's counselling reputation across every course community (for profiles and the directory)."""
    return reputations(user_ids=[user_id]).get(int(user_id), data.Reputation(user_id=int(user_id)))


def get_case(*, user, course_key, usage_key: str, case_uuid) -> data.Case:
    """One case with its intake, for a member of the course."""
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    return _case(find_case(actor.course_key, usage_key, case_uuid, actor), actor=actor, desk=desk)


# The queue counts its cases up to this many ("more than ..."), as the toolbox and the directory do.
QUEUE_COUNT_LIMIT = 1000


def _queue(key, usage_key: str, *, state: str, topic: str, sector: str, country: str, language: str):
    for name, value in (("state", state), ("topic", topic), ("sector", sector), ("country", country),
                        ("language", language)):
        if not isinstance(value, str) or len(value) > 64:
            message = _("Choose from the list.")
            raise InvalidInput(message, errors={name: [message]})
    if state not in data.QUEUE_STATES:
        message = _("Choose from the list.")
        raise InvalidInput(message, errors={"state": [message]})
    cases = CounsellingCase.objects.filter(course_key=key, usage_key=str(usage_key), is_retired=False)
    if state == "unanswered":
        cases = cases.filter(is_answered=False)
    elif state == "unsolved":
        cases = cases.filter(is_solved=False)
    elif state == "solved":
        cases = cases.filter(is_solved=True)
    if topic:
        cases = cases.filter(Exists(CaseTopic.objects.filter(case=OuterRef("pk"), usage_key=str(usage_key),
                                                             topic=topic)))
    if sector:
        cases = cases.filter(sector=sector)
    if country:
        cases = cases.filter(country=country.upper())
    if language:
        cases = cases.filter(language=language.strip().lower())
    return cases.select_related("owner").order_by("is_solved", "is_answered", "-created", "-id")


def list_cases(
    *, user, course_key, usage_key: str, state: str = "", topic: str = "", sector: str = "", country: str = "",
    language: str = "", page=1, page_size=None,
) -> base_data.Page:
    """
    The "needs help" queue: one page of the block's cases, unsolved first and,
    among them, those still without an answer, newest first; filtered by
    ``state`` ("unanswered", "unsolved", "solved"), topic, sector, country and
    language. Each shows the time its first answer took. The page is cut in the
    database and costs the same number of queries however many cases there are;
    counting stops at ``QUEUE_COUNT_LIMIT`` (``extra["count_capped"]`` then says
    there are more), so a page costs the same time too.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    queue = visible_to(_queue(actor.course_key, usage_key, state=state, topic=topic, sector=sector,
                              country=country, language=language), actor)
    return paginate(queue, page=page, page_size=page_size, count_limit=QUEUE_COUNT_LIMIT,
                    transform=lambda rows: summaries(rows, viewer=user, desk=desk, staff=actor.is_staff))


def answer_case(*, user, course_key, usage_key: str, case_uuid, body, parent_id=None, language: str = ""):
    """
    Answer a case (a top-level post of its thread) or, with ``parent_id``,
    comment on an answer. The owner clarifies with comments: an owner's own
    answer would count as help received. Returns the discussion core's post.
    """
    actor = _member(user, course_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    is_answer = parent_id in (None, "")
    if case.clinic_phase in CLINIC_RUNNING and not clinic_participant(case, actor):
        raise AccessDenied(_("While the case clinic runs, only its facilitator, owner and invited advisers answer."))
    if is_answer and case.owner_id == actor.user_id:
        raise InvalidInput(_("This is your case: comment on an answer, or edit the case, to add details."))
    if not is_answer and post_in_thread(thread_id=case.thread_uuid, post_id=parent_id) is None:
        raise NotFound(_("The answer you comment on is not part of this case."))
    post = create_post(user=user, course_key=actor.course_key, thread_id=case.thread_uuid, body=body,
                       parent_id=None if is_answer else parent_id, language=language)
    if is_answer:
        CounsellingCase.objects.filter(pk=case.pk).update(
            answer_count=F("answer_count") + 1, is_answered=True,
            first_answer_at=Coalesce(F("first_answer_at"), timezone.now()),
        )
    return post


def vote_case_post(*, user, course_key, usage_key: str, case_uuid, post_id, vote: bool = True) -> int:
    """Up-vote an answer or comment of a case (``vote=False`` takes it back); returns the new count."""
    actor = _member(user, course_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if not isinstance(vote, bool):
        message = _("Choose yes or no.")
        raise InvalidInput(message, errors={"vote": [message]})
    if post_in_thread(thread_id=case.thread_uuid, post_id=post_id) is None:
        raise NotFound(_("No such answer to this case."))
    return vote_post(user=user, course_key=actor.course_key, post_id=post_id, vote=vote)


def accept_answer(*, user, course_key, usage_key: str, case_uuid, post_id, accepted: bool = True) -> data.Case:
    """
    The case owner (or course staff) accepts an answer that helped, or takes
    the acceptance back. Several answers may be accepted; a case with at least
    one is solved. Accepting twice keeps one acceptance.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if not (actor.is_staff or (case.owner_id is not None and case.owner_id == actor.user_id)):
        raise AccessDenied(_("Only the case owner or course staff can accept answers."))
    if not isinstance(accepted, bool):
        message = _("Choose yes or no.")
        raise InvalidInput(message, errors={"accepted": [message]})
    post = post_in_thread(thread_id=case.thread_uuid, post_id=post_id)
    if post is None or not post.is_top_level:
        raise NotFound(_("No such answer to this case."))
    if accepted and (post.is_hidden or post.is_retired):
        raise InvalidInput(_("A hidden or removed answer cannot be accepted."))
    _write_acceptance(case.pk, uuid_module.UUID(post.id), post.author_id, user, accepted)
    case.refresh_from_db()
    return _case(case, actor=actor, desk=desk)


@retrying_atomic
def _write_acceptance(case_pk: int, post_uuid, answerer_id, user, accepted: bool) -> None:
    # The case first, then the acceptance row and the counter: see core.transactions.
    lock_for_update(CounsellingCase.objects.filter(pk=case_pk))
    if accepted:
        if AcceptedAnswer.objects.filter(case_id=case_pk, post_uuid=post_uuid).exists():
            return
        try:
            with transaction.atomic():
                AcceptedAnswer.objects.create(case_id=case_pk, post_uuid=post_uuid, answerer_id=answerer_id,
                                              accepted_by=user)
        except IntegrityError:
            return
        CounsellingCase.objects.filter(pk=case_pk).update(accepted_count=F("accepted_count") + 1, is_solved=True)
    else:
        deleted, _rows = AcceptedAnswer.objects.filter(case_id=case_pk, post_uuid=post_uuid).delete()
        if deleted:
            CounsellingCase.objects.filter(pk=case_pk).update(accepted_count=F("accepted_count") - 1)
            CounsellingCase.objects.filter(pk=case_pk, accepted_count=0).update(is_solved=False)


def report_outcome(*, user, course_key, usage_key: str, case_uuid, outcome: str, note: str = "") -> data.Case:
    """
    The case owner says what happened: "solved", "partly" or "not_solved",
    with a short note that stays on the case for others to learn from. It can
    be changed later; only the owner reports.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if case.owner_id is None or case.owner_id != actor.user_id:
        raise AccessDenied(_("Only the case owner reports what happened."))
    errors: dict = {}
    if outcome not in data.OUTCOMES:
        errors["outcome"] = [_("Choose solved, partly solved or not solved.")]
    note = _text(note, field="note", limit=MAX_TEXT_LENGTH, required=False, errors=errors)
    if errors:
        raise InvalidInput(_("The outcome was not saved: check the fields marked."), errors=errors)
    CounsellingCase.objects.filter(pk=case.pk).update(outcome=outcome, outcome_note=note, outcome_at=timezone.now())
    case.refresh_from_db()
    return _case(case, actor=actor, desk=desk)


def translate_case(*, user, course_key, usage_key: str, case_uuid, language: str, title, problem) -> data.Case:
    """
    A member translates a case's title and problem into another of the
    community's languages. The translation is kept by the discussion core (a
    correction when one exists) and its words join the case's search text, so
    a draft in that language finds the case among the similar ones. A private
    circle's case is not translated.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    case = find_case(actor.course_key, usage_key, case_uuid, actor)
    if case.is_private:
        raise InvalidInput(_("A case in a private circle is not translated."))
    contribute_translation(user=user, course_key=actor.course_key, kind=CASE_TRANSLATION, object_id=str(case.uuid),
                           language=language, title=title, body=problem)
    texts = translations_for(kind=CASE_TRANSLATION, object_ids=[case.pk]).get(case.pk, ())
    words = search_text(case.title, case.problem, case.already_tried, case.outcome_wanted,
                        *(part for t in texts for part in (t.title, t.body)))
    CounsellingCase.objects.filter(pk=case.pk).update(search_text=words)
    return _case(find_case(actor.course_key, usage_key, case_uuid, actor), actor=actor, desk=desk)


def _case_original(object_id, key):
    """A case the discussion core translates: open (not private, not removed), in the course, by its uuid."""
    found = _uuid(object_id)
    case = CounsellingCase.objects.filter(uuid=found, course_key=key, is_private=False, is_retired=False).first() \
        if found else None
    if case is None:
        raise NotFound(_("No such case in this peer counselling."))
    return case.pk, case.language, case.title, case.problem


def retire_counselling_member(*, user_id: int) -> None:
    """
    Erase the member's cases (their intake and context; the advisers' answers
    stay in the thread, with the case marked removed) and unlink them from the
    answers they accepted or that were accepted (idempotent).
    """
    with transaction.atomic():
        # Translations of the member's cases carry their words: they go with the case's text.
        delete_translations(kind=CASE_TRANSLATION,
                            object_ids=CounsellingCase.objects.filter(owner_id=user_id).values_list("pk", flat=True))
        CounsellingCase.objects.filter(owner_id=user_id).update(
            owner=None, title="", problem="", already_tried="", outcome_wanted="", outcome_note="", action_plan="",
            organisation_type="",
            country="", sector="", search_text="", is_retired=True,
        )
        CounsellingCase.objects.filter(clinic_facilitator_id=user_id).update(clinic_facilitator=None)
        AcceptedAnswer.objects.filter(answerer_id=user_id).update(answerer=None)
        AcceptedAnswer.objects.filter(accepted_by_id=user_id).update(accepted_by=None)
        CaseAdviser.objects.filter(user_id=user_id).delete()
        CaseRouting.objects.filter(user_id=user_id).delete()
        CounsellingNoticeOptOut.objects.filter(user_id=user_id).delete()


def _case_thread_guard(user, key, target: str) -> bool:
    """The discussion core asks this for every case thread: a private circle's only for its people."""
    case_uuid = _uuid(target[len(CASE_PREFIX):])
    case = CounsellingCase.objects.filter(uuid=case_uuid, course_key=key).values(
        "pk", "is_private", "owner_id").first() if case_uuid else None
    if case is None or not case["is_private"]:
        return True
    user_id = getattr(user, "id", None)
    if user_id is not None and case["owner_id"] == user_id:
        return True
    if user_id is not None and CaseAdviser.objects.filter(case_id=case["pk"], user_id=user_id).exists():
        return True
    return bool(user_id) and is_moderator(user=user, course_key=key)


def _case_author_mask(user, key, target: str) -> set:
    """The discussion core asks this for every case thread: an anonymous case's owner is unnamed to peers."""
    case_uuid = _uuid(target[len(CASE_PREFIX):])
    case = CounsellingCase.objects.filter(uuid=case_uuid, course_key=key, is_anonymous=True).values(
        "owner_id").first() if case_uuid else None
    if case is None or case["owner_id"] is None:
        return set()
    user_id = getattr(user, "id", None)
    if user_id is not None and (case["owner_id"] == user_id or is_moderator(user=user, course_key=key)):
        return set()
    return {case["owner_id"]}


register_thread_guard(CASE_PREFIX, _case_thread_guard)
register_author_mask(CASE_PREFIX, _case_author_mask)
register_translatable(CASE_TRANSLATION, _case_original,
                      in_course=lambda key: CounsellingCase.objects.filter(course_key=key).values("pk"))
