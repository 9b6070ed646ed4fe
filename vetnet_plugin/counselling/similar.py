"""
Similar cases while a member writes: found from the text's words (a FULLTEXT
index on MariaDB/MySQL) and from shared topic tags (indexed rows, so a case
written in another language is found through its tags), solved ones first.
Only a bounded number of candidates is read and scored, however many cases
the block holds.
"""
from __future__ import annotations

import re
import uuid

from django.db.models import Count
from django.utils.translation import gettext as _

from ..core.search import any_word_filter
from ..exceptions import InvalidInput
from . import data
from .cases import _member, summaries, topics_of, visible_to
from .desks import find_desk
from .models import CaseTopic, CounsellingCase

MAX_SUGGESTIONS = 5
# Candidates read from each source (words, tags) before scoring.
CANDIDATES = 60
MAX_WORDS = 8
MAX_TEXT = 20000
_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common in counselling cases to say anything about similarity.
_COMMON = frozenset({
    "about", "after", "also", "been", "before", "but", "can", "could", "does", "from", "have", "help", "into",
    "like", "more", "most", "need", "only", "other", "our", "over", "should", "some", "such", "than", "that",
    "their", "them", "then", "there", "they", "this", "those", "very", "want", "what", "when", "which", "with",
    "would", "your", "how", "who", "why", "where", "the", "and", "for", "are", "was", "were", "will", "not",
    "per", "che", "del", "della", "una", "para", "como", "pero", "και", "για", "που", "του", "της", "των",
})


def words_of(text: str) -> list[str]:
    """The telling words of ``text``: lower-cased, four letters or more, not common, longest first."""
    found = {w for w in (m.group(0).lower() for m in _WORD.finditer(text[:MAX_TEXT]))
             if len(w) >= 4 and w not in _COMMON and not w.isdigit()}
    return sorted(found, key=lambda w: (-len(w), w))[:MAX_WORDS]


def similar_cases(*, user, course_key, usage_key: str, text: str = "", topics=(), exclude_case: str = "",
                  limit: int = MAX_SUGGESTIONS) -> tuple[data.SimilarCase, ...]:
    """
    Up to ``limit`` (at most five) cases of the block like the one being
    written from ``text`` and ``topics`` (codes of the trainer's list; others
    are ignored), solved ones first, then the closest. ``exclude_case`` leaves
    out the case being looked at.
    """
    actor = _member(user, course_key)
    desk = find_desk(actor.course_key, usage_key)
    if isinstance(topics, str):
        topics = [topics] if topics else []
    if not isinstance(text, str):
        raise InvalidInput(_message(), errors={"text": [_message()]})
    if not isinstance(topics, (list, tuple)) or not all(isinstance(t, str) for t in topics):
        raise InvalidInput(_message(), errors={"topics": [_message()]})
    known = {t["code"] for t in desk.topics}
    wanted = [t for t in dict.fromkeys(topics) if t in known]
    words = words_of(text)
    if not words and not wanted:
        return ()
    limit = max(1, min(int(limit) if isinstance(limit, int) else MAX_SUGGESTIONS, MAX_SUGGESTIONS))
    # Private circles never reach anyone outside them, not even as a suggestion.
    cases = visible_to(CounsellingCase.objects.filter(course_key=actor.course_key, usage_key=desk.usage_key,
                                                      is_retired=False), actor)
    if exclude_case:
        cases = cases.exclude(uuid__in=[u for u in [_uuid_text(exclude_case)] if u])
    ids: set[int] = set()
    if wanted:
        ids.update(
            CaseTopic.objects.filter(usage_key=desk.usage_key, topic__in=wanted).values("case_id")
            .annotate(n=Count("id")).order_by("-n", "-case_id").values_list("case_id", flat=True)[:CANDIDATES]
        )
    if words:
        ids.update(cases.filter(any_word_filter(CounsellingCase, "search_text", words))
                   .order_by("-is_solved", "-created", "-id").values_list("id", flat=True)[:CANDIDATES])
    if not ids:
        return ()
    rows = list(cases.filter(pk__in=ids).select_related("owner"))
    tags = topics_of([c.pk for c in rows])
    scored = []
    for case in rows:
        shared = [t for t in tags.get(case.pk, ()) if t in wanted]
        hits = sum(1 for w in words if w in case.search_text)
        score = 2.0 * len(shared) + hits
        if score > 0:
            scored.append((case, tuple(shared), score))
    scored.sort(key=lambda item: (not item[0].is_solved, -item[2], -item[0].created.timestamp(), -item[0].pk))
    chosen = scored[:limit]
    values = summaries([case for case, _shared, _score in chosen], viewer=user, desk=desk)
    return tuple(data.SimilarCase(case=value, shared_topics=shared, score=score)
                 for value, (_case, shared, score) in zip(values, chosen, strict=True))


def _uuid_text(value) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (TypeError, ValueError, AttributeError):
        return ""


def _message() -> str:
    return _("This part of the request is not in the expected form.")
