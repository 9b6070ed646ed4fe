"""
The forum's page: what one member sees of the scenarios, their ratings and
discussions, rendered from the plugin's values with the block's templates.

Posts are rendered one template each, recursively, because the blocks'
template engine has no ``{% include %}``. The forms every post offers (reply,
flag, translate, hide) are the same for every post but for its ids: they are
rendered once per page (``templates/post_forms.html``) with placeholders that
each post's ids then fill in, escaped. A post's HTML is kept by everything
it is rendered from (``_render_post``), so a discussion read again renders
only the posts that changed.

A scenario's discussion shows its posts once the member opens it (ADR 0008):
the page names the open discussions, and only theirs are read and rendered,
so the unit's cost does not grow with the posts of every scenario. A
discussion without posts is open from the start (its form to post first).
"""
from __future__ import annotations

import re
import threading

from cachetools import LRUCache
from django.conf.locale import LANG_INFO
from django.utils import timezone
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe

from ..backend import ScenarioForumBackend, render_markdown
from ..template_i18n import translation_key


def language_name(code: str) -> str:
    info = LANG_INFO.get(code, {})
    return info.get("name_local") or info.get("name") or code


class _Page:
    """Everything one rendering needs, fetched once (a fixed number of queries)."""

    def __init__(self, block, forum: ScenarioForumBackend, language: str, open_threads=()):
        self.block = block
        self.forum = forum
        self.language = language
        self.prefix = block.dom_id
        self.machine_translation = forum.machine_translation_enabled()
        self.languages = [{"code": c, "name": language_name(c)} for c in forum.languages()]
        self.data = forum.forum_page(language=language, open_threads=frozenset(open_threads))
        self.is_staff = self.data.is_moderator
        self.policy_responses: dict = {}

        # The language menus' options, the same for every post: built once per page, not per post.
        self.language_options = _options(self.languages)
        self._other_options: dict[str, str] = {}
        self._forms: dict = {}
        # What a post's HTML depends on besides the post and its edit history: the same for every post here.
        self.render_key = (translation_key(block.runtime.service(block, "i18n")),
                           timezone.get_current_timezone_name(), self.prefix, self.is_staff,
                           self.machine_translation, self.language_options)

    def other_languages(self, original: str) -> list[dict]:
        return [item for item in self.languages if item["code"] != original]

    def other_language_options(self, original: str) -> str:
        """The ``<option>`` elements of every language but ``original`` (built once per language)."""
        if original not in self._other_options:
            self._other_options[original] = _options(self.other_languages(original))
        return self._other_options[original]


    def post_forms(self, post) -> dict:
        """The forms of one post (reply, flag, translate, hide): the page's once-rendered forms, its ids filled in."""
        key = (post.flagged_by_me, post.language)
        forms = self._forms.get(key)
        if forms is None:
            rendered = self.block.render_template("templates/post_forms.html", {
                "dom_id": _DOM_ID, "post": {"id": _POST_ID, "thread_id": _THREAD_ID,
                                            "flagged_by_me": post.flagged_by_me},
                "language_options": self.language_options, "machine_translation": self.machine_translation,
                "other_language_options": self.other_language_options(post.language),
            })
            forms = {name: _split(html) for name, html in
                     (part.split("-->", 1) for part in rendered.split("<!--vetnet:")[1:])}
            self._forms[key] = forms
        values = {_DOM_ID: str(conditional_escape(f"{self.prefix}-p-{post.id}")),
                  _POST_ID: str(conditional_escape(post.id)), _THREAD_ID: str(conditional_escape(post.thread_id))}
        # The block's own template, the ids escaped.
        return {name: mark_safe("".join(values.get(piece, piece) for piece in pieces))  # noqa: S308
                for name, pieces in forms.items()}


# What the once-rendered forms hold where a post's ids go (no template output can contain them).
_DOM_ID, _POST_ID, _THREAD_ID = "\x00dom\x00", "\x00post\x00", "\x00thread\x00"


def _split(html: str) -> tuple[str, ...]:
    """A once-rendered form as its text and placeholders, in order (placeholders as pieces of their own)."""
    return tuple(piece for piece in _PLACEHOLDERS.split(html) if piece)


_PLACEHOLDERS = re.compile(f"({'|'.join(map(re.escape, (_DOM_ID, _POST_ID, _THREAD_ID)))})")


def _options(languages) -> str:
    return format_html_join("", '<option value="{}">{}</option>', ((i["code"], i["name"]) for i in languages))


# Posts' HTML, kept by everything it is rendered from (see ``_render_post``), in at most this many characters.
_RENDERED_POSTS = LRUCache(maxsize=8_000_000, getsizeof=len)
_RENDERED_POSTS_LOCK = threading.Lock()


def _render_post(page: _Page, post) -> tuple[str, tuple]:
    """
    A post's HTML with its replies', and the edit histories that HTML shows
    (its own, then its replies').

    The HTML is a function of the page's ``render_key``, the post (a frozen
    value holding its replies, votes, flags, translations and what the
    member may do with it) and those histories, so it is kept under exactly
    that key: a discussion read again renders only the posts that changed,
    and a vote, an edit, a name or a language makes a new key rather than a
    stale page. Bounded, least recently used first.
    """
    replies = [_render_post(page, reply) for reply in post.replies]
    revisions = page.data.revisions.get(post.id, ())
    key = (page.render_key, post, (revisions, *(shown for _html, shown in replies)))
    with _RENDERED_POSTS_LOCK:
        html = _RENDERED_POSTS.get(key)
    if html is None:
        html = _post_html(page, post, "".join(html for html, _shown in replies), revisions)
        with _RENDERED_POSTS_LOCK:
            _RENDERED_POSTS[key] = html
    return html, key[2]


def _post_html(page: _Page, post, replies: str, revisions) -> str:
    return page.block.render_template("templates/post.html", {
        "post": post, "replies_html": mark_safe(replies), "revisions": revisions,
        "dom_id": f"{page.prefix}-p-{post.id}", "is_staff": page.is_staff, "forms": page.post_forms(post),
        "language_name": language_name(post.language), "language_options": page.language_options,
        "other_language_options": page.other_language_options(post.language),
        "can_vote": not post.is_own and not post.is_hidden and not post.is_retired,
        "can_reply": not post.is_retired, "machine_translation": page.machine_translation,
        "translations": [dict(t.__dict__, language_name=language_name(t.language)) for t in post.translations],
    })


def _rating_summary(page: _Page, scenario, results):
    """The member's own rating beside the latest aggregate, and how the spread moved."""
    trend = next((c for c in results.convergence if c.scenario_uuid == scenario.uuid), None)
    latest = trend.aggregates[-1] if trend and trend.aggregates else None
    rounds = []
    for aggregate in trend.aggregates if trend else ():
        own = results.own(scenario.uuid, aggregate.round_number)
        rounds.append({"aggregate": aggregate, "own": own})
    current = results.current_round
    own_current = results.own(scenario.uuid, current.number) if current else None
    # Revising in a new round starts from the member's last answer, as Delphi asks.
    previous_own = None
    for rating in sorted(results.own_ratings, key=lambda r: r.round_number):
        if rating.scenario_uuid == scenario.uuid:
            previous_own = rating
    rationales = page.data.rationales.get(scenario.uuid, ()) if latest is not None and not latest.withheld else ()
    return {
        "trend": trend, "latest": latest, "rounds": rounds, "rationales": rationales,
        "own_current": own_current, "prefill": own_current or previous_own,
        "rating_open": bool(current and current.is_open and scenario.uuid in results.rateable),
        "rounds_done": bool(current and current.is_open and scenario.status == "published"
                            and scenario.uuid not in results.rateable),
    }


def _written_in(scenario, language: str) -> bool:
    return not language or scenario.language == language or any(t.language == language for t in scenario.translations)


def _render_scenario(page: _Page, number: int, scenario, results, thread=None) -> str:
    if thread is None:
        thread = page.data.threads[scenario.uuid]
    # Open where its posts were read (the discussion core decides which ids name a thread), or empty.
    discussion_open = thread.posts_read or not thread.top_level_count
    posts_html = "".join(_render_post(page, post)[0] for post in thread.posts) if discussion_open else ""
    summary = _rating_summary(page, scenario, results)
    prefix = f"{page.prefix}-s-{scenario.uuid[:8]}"
    return page.block.render_template("templates/scenario.html", dict(
        summary,
        scenario=scenario, number=number, dom_id=prefix, thread=thread, posts_html=mark_safe(posts_html),
        discussion_open=discussion_open,
        language_name=language_name(scenario.language), is_staff=page.is_staff,
        language_options=page.language_options, other_language_options=page.other_language_options(scenario.language),
        machine_translation=page.machine_translation,
        translations=[dict(t.__dict__, language_name=language_name(t.language)) for t in scenario.translations],
        scale=range(1, 6), current_round=results.current_round,
        shown_for_posts=not _written_in(scenario, page.language),
        policy_responses=[dict(r.__dict__, body_html=mark_safe(r.body_html))  # sanitised by the plugin (nh3)
                          for r in page.policy_responses.get(str(scenario.uuid).lower(), ())],
    ))


def render_forum(block, forum: ScenarioForumBackend, *, language: str = "", open_threads=()):
    """
    The inner HTML of the forum for the current member (the part the page refreshes),
    with the posts of the discussions ``open_threads`` (thread ids) names.
    """
    page = _Page(block, forum, (language or "").strip().lower()[:8], open_threads)
    usage_key = block.usage_key
    scenarios, results = page.data.scenarios, page.data.results
    published = [s for s in scenarios if s.status == "published"]
    page.policy_responses = forum.policy_responses(scenario_uuids=[str(s.uuid) for s in published])
    cards = []
    for number, scenario in enumerate(published, start=1):
        thread = page.data.threads[scenario.uuid]
        if _written_in(scenario, page.language) or thread.top_level_count:
            cards.append(_render_scenario(page, number, scenario, results, thread))
    others = [s for s in scenarios if s.status != "published"]
    pending_cards = [_render_scenario(page, 0, s, results) for s in others if s.status == "pending" and s.is_own
                     and not page.is_staff]
    chart = forum.scenario_chart(scenarios=published, convergence=results.convergence)
    readers, candidates = (), ()
    if page.is_staff:
        readers = forum.list_community_roles(role="policy_maker", page_size=100).items
        holders = {r.user_id for r in readers}
        members = forum.list_community_members(page_size=100).items
        candidates = tuple(m for m in members if m.user_id not in holders)
    current = results.current_round
    rounds_left = results.max_rounds - len(results.rounds)
    return block.render_template("templates/forum.html", {
        "block": block, "prefix": page.prefix, "language": page.language, "languages": page.languages,
        "strategic_question_html": render_markdown(block.strategic_question),
        "scenarios_html": mark_safe("".join(cards)), "pending_html": mark_safe("".join(pending_cards)),
        "own_declined": [s for s in others if s.is_own and s.status == "rejected"],
        "has_scenarios": bool(cards), "any_published": bool(published), "results": results, "current_round": current,
        "can_open_round": page.is_staff and results.can_open_round,
        "late_scenarios": results.late_scenarios if rounds_left <= 0 else 0,
        "can_close_round": page.is_staff and current is not None and current.is_open,
        "next_round": len(results.rounds) + 1, "is_staff": page.is_staff,
        "pending": [s for s in others if s.status == "pending"] if page.is_staff else [],
        "flagged": page.data.flagged,
        "chart": chart, "chart_html": forum.render_scenario_chart(chart=chart, dom_id=page.prefix),
        "policy_brief_url": (f"/api/vetnet/v1/courses/{block.course_key}/scenario-forums/{usage_key}/policy-brief/"
                             if page.data.can_read_policy_brief else ""),
        "policy_dashboard_url": f"/api/vetnet/v1/courses/{block.course_key}/policy/dashboard/",
        "allow_proposals": block.allow_proposals, "pre_moderate": block.pre_moderate,
        "drivers": block.drivers, "policy_choices": block.policy_choices,
        "min_raters": results.min_raters, "brief_readers": readers, "brief_candidates": candidates,
    })
