"""
Scenario forums: the trainer's configuration, seed scenarios from Studio,
members' proposals and their moderation.
"""
from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import data as base_data
from ..core.access import display_name
from ..core.keys import parse_course_key
from ..core.languages import detect_language, language_of
from ..core.pagination import paginate
from ..core.rate_limits import check_rate_limit
from ..core.stored_html import stored_html
from ..discussions.api import (
    SCENARIO_TRANSLATION,
    get_or_create_thread,
    register_translatable,
    rename_thread,
    thread_ids,
    translated_object_ids,
    translations_for,
)
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import is_moderator, require_moderator, require_viewer
from . import data
from .models import Scenario, ScenarioForum

MAX_TITLE_LENGTH = 200
MAX_NARRATIVE_LENGTH = 10000
MAX_ROUNDS = 10


def scenario_target(scenario_uuid) -> str:
    """The discussion-core target of a scenario's thread."""
    return f"scenario:{scenario_uuid}"


def _forum_data(forum: ScenarioForum) -> data.ScenarioForum:
    return data.ScenarioForum(
        course_key=str(forum.course_key),
        usage_key=forum.usage_key,
        title=forum.title,
        strategic_question=forum.strategic_question,
        horizon_year=forum.horizon_year,
        drivers=tuple((d.get("name", ""), d.get("description", "")) for d in forum.drivers),
        policy_choices=tuple(forum.policy_choices),
        allow_proposals=forum.allow_proposals,
        pre_moderate=forum.pre_moderate,
        max_rounds=forum.max_rounds,
    )


def _clean_seed(seed: dict, position: int) -> dict:
    key = str(seed.get("key") or "").strip()[:64]
    title = str(seed.get("title") or "").strip()[:MAX_TITLE_LENGTH]
    narrative = str(seed.get("narrative") or "").strip()[:MAX_NARRATIVE_LENGTH]
    if not key or not title:
        raise InvalidInput(_("Every seed scenario needs a key and a title."))
    language = str(seed.get("language") or "").strip().lower()[:16] or detect_language(f"{title}. {narrative}")
    return {
        "seed_key": key, "title": title, "narrative": narrative, "language": language, "position": position,
        "drivers": [str(d)[:200] for d in seed.get("drivers") or []],
        "policy_choices": [str(c)[:200] for c in seed.get("policy_choices") or []],
    }


def configure_scenario_forum(
    *, course_key, usage_key: str, title: str = "", strategic_question: str = "", horizon_year: int | None = None,
    drivers=(), policy_choices=(), seeds=(), allow_proposals: bool = True, pre_moderate: bool = True,
    max_rounds: int = 2,
) -> data.ScenarioForum:
    """
    Bring the plugin's copy of a forum block's Studio settings and seed scenarios up to date.

    Cheap when nothing changed (one read), so blocks call it on every view.
    Seeds are matched by their key: an edited seed keeps its ratings and
    discussion; a seed removed in Studio is archived, not deleted.
    ``drivers`` is a list of {"name", "description"}; ``seeds`` a list of
    {"key", "title", "narrative", "language", "drivers", "policy_choices"}.
    """
    key = parse_course_key(course_key)
    usage_key = str(usage_key)[:255]
    config = {
        "title": str(title or "")[:255],
        "strategic_question": str(strategic_question or ""),
        "horizon_year": int(horizon_year) if horizon_year else None,
        "drivers": [{"name": str(d.get("name", ""))[:200], "description": str(d.get("description", ""))[:2000]}
                    for d in drivers or []],
        "policy_choices": [str(c)[:200] for c in policy_choices or []],
        "allow_proposals": bool(allow_proposals),
        "pre_moderate": bool(pre_moderate),
        "max_rounds": max(1, min(int(max_rounds or 1), MAX_ROUNDS)),
    }
    cleaned_seeds = [dict(s) for s in seeds or []]
    fingerprint = hashlib.sha256(
        json.dumps([str(key), config, cleaned_seeds], sort_keys=True, default=str).encode()
    ).hexdigest()
    forum = ScenarioForum.objects.filter(usage_key=usage_key).first()
    if forum is not None and forum.config_hash == fingerprint:
        return _forum_data(forum)
    seed_rows = [_clean_seed(seed, position) for position, seed in enumerate(cleaned_seeds)]
    with transaction.atomic():
        forum, _created = ScenarioForum.objects.update_or_create(
            usage_key=usage_key, defaults={**config, "course_key": key, "config_hash": fingerprint}
        )
        for row in seed_rows:
            scenario, created = Scenario.objects.update_or_create(
                usage_key=usage_key, seed_key=row["seed_key"],
                defaults={**row, "course_key": key, "status": Scenario.PUBLISHED},
            )
            if created:
                get_or_create_thread(course_key=key, usage_key=usage_key,
                                     target=scenario_target(scenario.uuid), title=scenario.title)
            else:
                rename_thread(usage_key=usage_key, target=scenario_target(scenario.uuid), title=scenario.title)
        Scenario.objects.filter(usage_key=usage_key, seed_key__isnull=False).exclude(
            seed_key__in=[row["seed_key"] for row in seed_rows]
        ).update(status=Scenario.ARCHIVED)
    return _forum_data(forum)


def get_scenario_forum(*, course_key, usage_key: str) -> data.ScenarioForum:
    """The forum's settings as last saved by its block; ``NotFound`` before its first view."""
    key = parse_course_key(course_key)
    forum = ScenarioForum.objects.filter(usage_key=str(usage_key), course_key=key).first()
    if forum is None:
        raise NotFound(_("No such scenario forum in this course."))
    return _forum_data(forum)


def _threads_by_uuid(scenarios, key, usage_key) -> dict[str, str]:
    targets = {scenario_target(s.uuid): s for s in scenarios}
    found = thread_ids(usage_key=usage_key, targets=targets)
    for target, scenario in targets.items():
        if target not in found:
            found[target] = get_or_create_thread(course_key=key, usage_key=usage_key, target=target,
                                                 title=scenario.title)
    return {str(targets[t].uuid): thread_id for t, thread_id in found.items() if t in targets}


def _to_scenario(scenario: Scenario, *, viewer, thread_id: str, translations) -> data.Scenario:
    return data.Scenario(
        uuid=str(scenario.uuid),
        title=scenario.title,
        narrative=scenario.narrative,
        narrative_html=stored_html(scenario.narrative_html, scenario.narrative),
        language=scenario.language,
        drivers=tuple(scenario.drivers),
        policy_choices=tuple(scenario.policy_choices),
        is_seed=scenario.seed_key is not None,
        status=scenario.status,
        thread_id=thread_id,
        author_name=display_name(scenario.author),
        is_own=viewer is not None and scenario.author_id == viewer.id,
        moderation_reason=scenario.moderation_reason,
        created=scenario.created,
        translations=tuple(translations),
    )


def _visible_scenarios(user, key, usage_key: str, language: str):
    """The forum's scenarios the member may see, in the forum's order, as one query."""
    scenarios = Scenario.objects.filter(course_key=key, usage_key=usage_key).exclude(status=Scenario.ARCHIVED)
    staff = is_moderator(user=user, course_key=key)
    if not staff:
        scenarios = scenarios.filter(Q(status=Scenario.PUBLISHED) | Q(author=user))
    language = (language or "").strip().lower()[:16]
    if language:
        scenarios = scenarios.filter(
            Q(language=language) | Q(pk__in=translated_object_ids(kind=SCENARIO_TRANSLATION, language=language))
        )
    order = [
        Case(When(seed_key__isnull=True, then=Value(1)), default=Value(0)), "position", "created", "id",
    ]
    if staff:
        # Staff see the proposals that wait for them first.
        order.insert(0, Case(When(status=Scenario.PENDING, then=Value(0)), default=Value(1)))
    return scenarios.select_related("author").order_by(*order)


def _scenario_values(rows, *, user, key, usage_key: str) -> tuple[data.Scenario, ...]:
    """Scenarios as the member sees them, with their translations and threads: a fixed number of queries."""
    translated = translations_for(kind=SCENARIO_TRANSLATION, object_ids=[s.pk for s in rows])
    threads = _threads_by_uuid(rows, key, usage_key)
    return tuple(
        _to_scenario(s, viewer=user, thread_id=threads[str(s.uuid)], translations=translated.get(s.pk, ()))
        for s in rows
    )


def list_scenarios(*, user, course_key, usage_key: str, language: str = "") -> tuple[data.Scenario, ...]:
    """
    The forum's scenarios the member may see: seeds first in the trainer's order,
    then published proposals. Members also see their own pending or rejected
    proposals; staff see every proposal, awaiting ones first.
    ``language`` keeps scenarios written in, or translated into, that language.
    """
    key = require_viewer(user, course_key)
    usage_key = str(usage_key)
    rows = list(_visible_scenarios(user, key, usage_key, language))
    return _scenario_values(rows, user=user, key=key, usage_key=usage_key)


def list_scenarios_page(
    *, user, course_key, usage_key: str, language: str = "", page=1, page_size=None,
) -> base_data.Page:
    """One page of ``list_scenarios``, cut in the database."""
    key = require_viewer(user, course_key)
    usage_key = str(usage_key)
    return paginate(
        _visible_scenarios(user, key, usage_key, language), page=page, page_size=page_size,
        transform=lambda rows: _scenario_values(rows, user=user, key=key, usage_key=usage_key),
    )


def find_scenario(scenario_uuid, key, usage_key: str) -> Scenario:
    """The scenario row in this forum, visible or not; ``NotFound`` for anything else."""
    try:
        return Scenario.objects.select_related("author").get(
            uuid=str(scenario_uuid), course_key=key, usage_key=str(usage_key)
        )
    except (Scenario.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise NotFound(_("No such scenario in this forum.")) from exc


def get_scenario(*, user, course_key, usage_key: str, scenario_uuid) -> data.Scenario:
    """One scenario, if the member may see it."""
    key = require_viewer(user, course_key)
    scenario = find_scenario(scenario_uuid, key, usage_key)
    visible = scenario.status == Scenario.PUBLISHED or scenario.author_id == user.id or (
        scenario.status != Scenario.ARCHIVED and is_moderator(user=user, course_key=key)
    )
    if not visible:
        raise NotFound(_("No such scenario in this forum."))
    threads = _threads_by_uuid([scenario], key, str(usage_key))
    translated = translations_for(kind=SCENARIO_TRANSLATION, object_ids=[scenario.pk])
    return _to_scenario(scenario, viewer=user, thread_id=threads[str(scenario.uuid)],
                        translations=translated.get(scenario.pk, ()))


def _choose(values, allowed: tuple[str, ...], field: str) -> list[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise InvalidInput(_("Choose from the list."), errors={field: [_("Choose from the list.")]})
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        message = _("Unknown value(s): {values}.").format(values=", ".join(unknown))
        raise InvalidInput(message, errors={field: [message]})
    return [v for v in allowed if v in values]


def propose_scenario(
    *, user, course_key, usage_key: str, title: str, narrative: str, drivers=(), policy_choices=(),
    language: str = "",
) -> data.Scenario:
    """
    A member proposes a scenario: title, narrative, and the drivers and policy
    choices that lead to it. Pre-moderated forums hold it until staff approve.
    """
    key = require_viewer(user, course_key)
    forum = get_scenario_forum(course_key=key, usage_key=usage_key)
    if not forum.allow_proposals:
        raise AccessDenied(_("This forum does not take proposals from members."))
    errors = {}
    title = title.strip() if isinstance(title, str) else ""
    narrative = narrative.strip() if isinstance(narrative, str) else ""
    if not title:
        errors["title"] = [_("Give your scenario a title.")]
    elif len(title) > MAX_TITLE_LENGTH:
        errors["title"] = [_("Use at most {limit} characters.").format(limit=MAX_TITLE_LENGTH)]
    if not narrative:
        errors["narrative"] = [_("Describe how VET looks in this scenario.")]
    elif len(narrative) > MAX_NARRATIVE_LENGTH:
        errors["narrative"] = [_("Use at most {limit} characters.").format(limit=MAX_NARRATIVE_LENGTH)]
    if errors:
        raise InvalidInput(_("The scenario was not saved: check the fields marked."), errors=errors)
    chosen_drivers = _choose(drivers or [], tuple(name for name, _d in forum.drivers), "drivers")
    chosen_choices = _choose(policy_choices or [], forum.policy_choices, "policy_choices")
    code, _detected = language_of(f"{title}. {narrative}", language)
    check_rate_limit(action="scenario", queryset=Scenario.objects.filter(author=user))
    last = Scenario.objects.filter(usage_key=forum.usage_key).order_by("-position").values_list("position", flat=True)
    scenario = Scenario.objects.create(
        course_key=key, usage_key=forum.usage_key, title=title, narrative=narrative, language=code,
        drivers=chosen_drivers, policy_choices=chosen_choices, author=user,
        position=(last.first() or 0) + 1,
        status=Scenario.PENDING if forum.pre_moderate else Scenario.PUBLISHED,
    )
    thread_id = get_or_create_thread(course_key=key, usage_key=forum.usage_key,
                                     target=scenario_target(scenario.uuid), title=title)
    return _to_scenario(scenario, viewer=user, thread_id=thread_id, translations=())


def moderate_scenario(
    *, user, course_key, usage_key: str, scenario_uuid, publish: bool, reason: str = ""
) -> data.Scenario:
    """
    Staff publish a proposal, or reject it (or withdraw a published one) with a
    reason its author sees. Seeds are edited in Studio, not here.
    """
    key = require_moderator(user, course_key)
    scenario = find_scenario(scenario_uuid, key, usage_key)
    if scenario.seed_key is not None:
        raise InvalidInput(_("Seed scenarios are changed in Studio."))
    reason = (reason or "").strip() if isinstance(reason, str) else ""
    if not publish and not reason:
        raise InvalidInput(_("Tell the author why."), errors={"reason": [_("This field is required.")]})
    if len(reason) > 500:
        raise InvalidInput(_("Use at most {limit} characters.").format(limit=500), errors={"reason": [_("Too long.")]})
    Scenario.objects.filter(pk=scenario.pk).update(
        status=Scenario.PUBLISHED if publish else Scenario.REJECTED,
        moderation_reason="" if publish else reason, moderated_by=user, moderated_at=timezone.now(),
    )
    return get_scenario(user=user, course_key=key, usage_key=usage_key, scenario_uuid=scenario.uuid)


def count_pending_proposals(*, course_key, usage_key: str) -> int:
    """How many proposals wait for a moderator, for the staff's badge."""
    key = parse_course_key(course_key)
    return Scenario.objects.filter(course_key=key, usage_key=str(usage_key), status=Scenario.PENDING).count()



def _scenario_original(object_id, key):
    """A published scenario of the course, by uuid, as the discussion core's translations need it."""
    try:
        scenario = Scenario.objects.filter(uuid=str(object_id), course_key=key, status=Scenario.PUBLISHED).first()
    except (ValidationError, ValueError) as exc:
        raise NotFound(_("No such scenario in this course.")) from exc
    if scenario is None:
        raise NotFound(_("No such scenario in this course."))
    return scenario.pk, scenario.language, scenario.title, scenario.narrative


register_translatable(SCENARIO_TRANSLATION, _scenario_original,
                       in_course=lambda key: Scenario.objects.filter(course_key=key).values("pk"))
