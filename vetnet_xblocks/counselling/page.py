"""
The counselling page: the intake form, the "needs help" queue, one case with
its answers, and similar-case suggestions, rendered from the plugin's values
with the block's templates (the blocks' template engine has no include, so
each answer is rendered on its own and put into the case).
"""
from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.utils.safestring import mark_safe

from ..backend.counselling import ORGANISATION_TYPES, SECTORS, CounsellingBackend, community_languages, countries


def language_name(code: str) -> str:
    info = LANG_INFO.get(code, {})
    return info.get("name_local") or info.get("name") or code


def _choices(block, pairs, chosen: str = "") -> list[dict]:
    return [{"value": code, "label": block.gettext(str(label)), "selected": code == chosen} for code, label in pairs]


def _labels(block) -> dict:
    return {
        "sectors": {code: block.gettext(str(label)) for code, label in SECTORS},
        "organisation_types": {code: block.gettext(str(label)) for code, label in ORGANISATION_TYPES},
        "countries": dict(countries()),
    }


def _summary(block, labels: dict, case) -> dict:
    return {
        "case": case, "dom_id": f"{block.dom_id}-case-{case.uuid}",
        "sector": labels["sectors"].get(case.sector, ""),
        "country": labels["countries"].get(case.country, ""),
        "organisation_type": labels["organisation_types"].get(case.organisation_type, ""),
        "language": language_name(case.language),
    }


def policy_responses(block, backend: CounsellingBackend, desk) -> list[dict]:
    """What policy makers answered about the desk's topics, each with its topic's label (sanitised HTML)."""
    labels = {t.code: t.label for t in desk.topics}
    return [{"response": response, "topic": labels.get(response.target, response.target),
             "body_html": mark_safe(response.body_html)}  # sanitised by the plugin (nh3)
            for response in backend.policy_responses(topics=list(labels))]


def render_queue(block, backend: CounsellingBackend, *, filters: dict, page) -> str:
    """The intake form and one page of the queue, filtered as asked."""
    desk = backend.desk or block.sync_desk(backend)
    queue = backend.queue(page=page, **filters)
    labels = _labels(block)
    capped = bool(queue.extra.get("count_capped"))
    languages = [(code, language_name(code)) for code in community_languages()]
    topics = [(t.code, t.label) for t in desk.topics]
    return block.render_template("templates/queue.html", {
        "block": block, "prefix": block.dom_id, "queue": queue, "filters": filters,
        # A capped count (a long queue is counted up to a limit) reads "1,000+ cases".
        "count_shown": f"{queue.count:,}+" if capped else queue.count,
        "pages_shown": f"{queue.num_pages}+" if capped else queue.num_pages,
        "allow_private": desk.allow_private, "allow_anonymous": desk.allow_anonymous,
        "routing_enabled": desk.routing_enabled,
        "notices_enabled": backend.notices_enabled() if desk.routing_enabled else False,
        "cases": [_summary(block, labels, case) for case in queue.items],
        "topics": [{"value": code, "label": label, "selected": code == filters.get("topic", "")}
                   for code, label in topics],
        "intake_topics": [{"value": code, "label": label} for code, label in topics],
        "sectors": _choices(block, SECTORS, filters.get("sector", "")),
        "organisation_types": _choices(block, ORGANISATION_TYPES),
        "countries": _choices(block, countries(), filters.get("country", "")),
        "languages": _choices(block, languages, filters.get("language", "")),
        "states": _choices(block, (("unsolved", block.gettext("Not solved yet")),
                                   ("unanswered", block.gettext("Without an answer")),
                                   ("solved", block.gettext("Solved"))), filters.get("state", "")),
    })


def _comments(post) -> list:
    """Every reply under an answer, in order, however deep: comments read as one list."""
    found = []
    for reply in post.replies:
        found.append(reply)
        found.extend(_comments(reply))
    return found


def render_case(block, backend: CounsellingBackend, *, case_uuid: str, order: str, page) -> str:
    """One case: its intake, its answers (accepted ones marked) with their comments, and the answer form."""
    shown = backend.case_page(case_uuid=case_uuid, order=order, page=page)
    case, thread = shown.case, shown.thread
    labels = _labels(block)
    accepted = set(case.accepted_answer_ids)
    me = backend.acting.user_id
    reputation = {r.user_id: r for r in shown.reputations}
    answers = []
    for post in thread.posts:
        answers.append(block.render_template("templates/answer.html", {
            "block": block, "post": post, "case": case, "dom_id": f"{block.dom_id}-post-{post.id}",
            "accepted": post.id in accepted, "comments": _comments(post),
            "can_vote": not post.is_own and not post.is_hidden and not post.is_retired and me is not None,
            "can_accept": case.can_accept and not post.is_hidden and not post.is_retired,
            "language": language_name(post.language), "reputation": reputation.get(post.author_id),
        }))
    return block.render_template("templates/case.html", {
        "block": block, "prefix": block.dom_id, "case": case, "thread": thread,
        "summary": _summary(block, labels, case.summary), "answers": mark_safe("".join(answers)),
        "is_owner": case.summary.is_own, "order": order,
        "outcomes": [{"value": "solved", "label": block.gettext("Solved")},
                     {"value": "partly", "label": block.gettext("Partly solved")},
                     {"value": "not_solved", "label": block.gettext("Not solved")}],
        "outcome_label": {"solved": block.gettext("Solved"), "partly": block.gettext("Partly solved"),
                          "not_solved": block.gettext("Not solved")}.get(case.outcome, ""),
        "languages": [{"value": code, "label": language_name(code)} for code in community_languages()],
        "translations": [{"text": t, "language": language_name(t.language)} for t in case.translations],
        "translation_languages": [{"value": code, "label": language_name(code)} for code in community_languages()
                                  if code != case.summary.language],
        "clinic": case.clinic, "clinic_phase": _phase_label(block, case.clinic.phase) if case.clinic else "",
        "next_phase": _phase_label(block, _next_phase(case.clinic.phase)) if case.clinic else "",
        "may_answer": case.clinic is None or case.clinic.phase == "closed" or case.clinic.is_participant,
    })


def _next_phase(phase: str) -> str:
    order = ("clarify", "advise", "action_plan", "closed")
    return order[order.index(phase) + 1] if phase in order[:-1] else ""


def _phase_label(block, phase: str) -> str:
    return {"clarify": block.gettext("Clarify the problem"), "advise": block.gettext("Advise"),
            "action_plan": block.gettext("Agree an action plan"), "closed": block.gettext("Done")}.get(phase, "")


def render_similar(block, found) -> str:
    """The suggestions under the intake form."""
    labels = _labels(block)
    return block.render_template("templates/similar.html", {
        "block": block, "found": [dict(_summary(block, labels, s.case), shared=s.shared_topics) for s in found],
    })
