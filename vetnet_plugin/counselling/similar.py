"""
Similar cases while a member writes: found from the text's words (a FULLTEXT
index on MariaDB/MySQL) and from shared topic tags (indexed rows, so a case
written in another language is found through its tags), solved ones first.

Every step reads a bounded number of rows, however many cases the block
holds: the block's newest cases are read as a sample, which estimates how
common each word of the draft is (and holds candidates of their own); only
the draft's rarest words, which the sample shows to be rare, are searched
in the index (a word in most cases would make the index compute most of the
table); each topic gives its newest tagged cases. The few candidates are
then scored here.
"""
from __future__ import annotations

import re
import uuid

from django.utils.translation import gettext as _

from ..core.search import any_word_filter
from ..exceptions import InvalidInput
from . import data
from .cases import _member, summaries, topics_of, visible_to
from .desks import find_desk
from .models import CaseTopic, CounsellingCase

MAX_SUGGESTIONS = 5
# Candidates read from each source (rare words, each tag) before scoring.
CANDIDATES = 60
MAX_WORDS = 8
# The newest cases read to estimate how common each word is (and scored as candidates).
SAMPLE = 200
# Words searched in the index: the rarest few, found in at most this share of the sample.
RARE_WORDS = 3
RARE_SHARE = 0.05
# Topics that each read their newest tagged cases (the others still count in the score).
MAX_TOPIC_LOOKUPS = 4
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
    sample = list(CounsellingCase.objects.filter(course_key=actor.course_key, usage_key=desk.usage_key,
                                                 is_retired=False)
                  .order_by("-created", "-id").values_list("id", "is_solved", "search_text")[:SAMPLE])
    share = {w: sum(1 for _pk, _solved, body in sample if w in body) / max(1, len(sample)) for w in words}
    # A word found in few cases says more than one found in most of them.
    weight = {w: 1.0 + 2.0 * (1.0 - share[w]) for w in words}
    leads = sorted(((not solved, -sum(weight[w] for w in words if w in body), -pk) for pk, solved, body in sample
                    if any(w in body for w in words)))
    ids: set[int] = {-pk for _unsolved, _hits, pk in leads[:CANDIDATES]}
    for topic in wanted[:MAX_TOPIC_LOOKUPS]:
        ids.update(CaseTopic.objects.filter(usage_key=desk.usage_key, topic=topic).order_by("-case_id")
                   .values_list("case_id", flat=True)[:CANDIDATES])
    # A block smaller than the sample was read whole: no index search is needed.
    rare = sorted((w for w in words if share[w] <= RARE_SHARE), key=lambda w: (share[w], -len(w), w))[:RARE_WORDS]
    if rare and len(sample) >= SAMPLE:
        ids.update(cases.filter(any_word_filter(CounsellingCase, "search_text", rare))
                   .order_by("-is_solved", "-created", "-id").values_list("id", flat=True)[:CANDIDATES])
    if not ids:
        return ()
    # The candidates are scored from four columns; only the chosen few are read whole (a case's
    # course key and owner cost a parse and a join each, hundreds of times over).
    rows = list(cases.filter(pk__in=ids).values_list("pk", "is_solved", "created", "search_text"))
    tags = topics_of([pk for pk, *_rest in rows])
    scored = []
    for pk, is_solved, created, search_text in rows:
        shared = [t for t in tags.get(pk, ()) if t in wanted]
        hits = sum(weight[w] for w in words if w in search_text)
        score = round(2.0 * len(shared) + hits, 2)
        if score > 0:
            scored.append((pk, is_solved, created, tuple(shared), score))
    scored.sort(key=lambda item: (not item[1], -item[4], -item[2].timestamp(), -item[0]))
    chosen = [(pk, shared, score) for pk, _solved, _created, shared, score in scored[:limit]]
    if not chosen:
        return ()
    whole = cases.filter(pk__in=[pk for pk, _shared, _score in chosen]).select_related("owner").in_bulk()
    chosen = [item for item in chosen if item[0] in whole]  # a case retired meanwhile is left out
    values = summaries([whole[pk] for pk, _shared, _score in chosen], viewer=user, desk=desk, staff=actor.is_staff)
    return tuple(data.SimilarCase(case=value, shared_topics=shared, score=score)
                 for value, (_case, shared, score) in zip(values, chosen, strict=True))


def _uuid_text(value) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (TypeError, ValueError, AttributeError):
        return ""


def _message() -> str:
    return _("This part of the request is not in the expected form.")
