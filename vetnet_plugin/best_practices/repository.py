"""
The best-practice repository: the practices the track accepted, shared by
every course community, browsed and searched by facet, with quality labels
and adoption evidence.

The entry rule (ADR 0016). A practice is listed when all of these hold:

- it is graded (peer reviews completed, the waiting rule completed it, or
  course staff set the grade), and its grade is not flagged as disputed;
- its grade reached the assignment's ``repository_threshold``, or course
  staff approved it for the repository (``staff.approve_for_repository``);
- its author has not taken it out of the repository.

A pending (submitted, in review, waiting), rejected (graded below the
threshold and not approved) or withdrawn practice is never listed: not to
members, not on the public page, not in the feeds or exports. The rule is
evaluated when the practice changes (``sync_entry``) and stored as
``RepositoryEntry.listed``, so every list reads one index.
"""
from __future__ import annotations

import uuid as uuid_module

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import data as base_data
from ..core.access import display_name, require_member
from ..core.markup import render_markdown
from ..core.pagination import clean_page_size, paginate
from ..core.search import bounded_word_scan, uses_fulltext, word_filter
from ..core.stored_html import stored_html
from ..core.taxonomy import (
    EQF_LEVEL_CODES,
    LANGUAGE_CODES,
    LANGUAGES,
    LICENCES,
    SECTOR_CODES,
    SECTORS,
    TOPIC_CODES,
    TOPICS,
)
from ..exceptions import InvalidInput, NotFound
from ..members.api import actor_for, get_member_profile
from . import data
from .assignments import sections_of
from .models import BestPractice, Credential, RepositoryEntry

MAX_SEARCH_TERMS = 8
MAX_SEARCH_LENGTH = 200
MAX_SUMMARY_LENGTH = 2000
# The facets are counted over the leading matches in the list's order, and the
# count stops at a limit ("more than ..."): a list costs the same however
# large the repository grows.
FACET_WINDOW = 1000
COUNT_LIMIT = 10000

ORDERINGS = {
    "newest": ("-entered", "-id"),
    "most_adopted": ("-adoption_count", "-entered", "-id"),
    "best_reviewed": ("-score", "-entered", "-id"),
}
FACETS = ("topic", "country", "sector", "eqf_level", "language")

PEER_REVIEWED = "peer_reviewed"
STAFF_APPROVED = "staff_approved"
CERTIFIED = "certified"
ADOPTED_ELSEWHERE = "adopted_elsewhere"
LABELS = (PEER_REVIEWED, STAFF_APPROVED, CERTIFIED, ADOPTED_ELSEWHERE)
# The labels stored on the entry, which a list can be filtered by.
FILTER_LABELS = (PEER_REVIEWED, STAFF_APPROVED, ADOPTED_ELSEWHERE)
# ``grade_detail["method"]`` of a practice that arrived with a community import.
IMPORTED = "imported"


# The entry rule ---------------------------------------------------------------

def _summary_of(practice: BestPractice) -> str:
    texts = [str(text).strip() for text in (practice.sections or {}).values() if str(text or "").strip()]
    return (texts[0] if texts else "")[:MAX_SUMMARY_LENGTH]


def _search_text(entry: RepositoryEntry) -> str:
    return f"{entry.title}\n{entry.summary}".lower()


def _profile_defaults(user_id) -> dict:
    if not user_id:
        return {}
    profile = get_member_profile(user_id=user_id)
    return {
        "sector": profile.sectors[0] if profile.sectors else "",
        "language": profile.languages[0] if profile.languages else "",
    }


def sync_entry(practice: BestPractice, assignment=None) -> RepositoryEntry | None:
    """
    Bring the practice's repository entry in step with its grade and approval
    (the entry rule above), creating it when the practice is first graded.
    Runs in the caller's transaction, after the practice was saved.
    """
    assignment = assignment or practice.assignment
    graded = practice.status == BestPractice.GRADED and practice.score is not None
    entry = RepositoryEntry.objects.filter(practice=practice).first()
    if entry is None and not graded:
        return None
    method = (practice.grade_detail or {}).get("method")
    # An entry moved from another instance (``transfer``) keeps the threshold and labels it earned there.
    imported = method == IMPORTED and entry is not None
    threshold = entry.threshold if imported else float(assignment.repository_threshold)
    reached = graded and practice.score >= threshold
    by_staff_grade = method == "override"
    if entry is None:
        entry = RepositoryEntry(
            practice=practice, course_key=practice.course_key, title=practice.title[:200],
            summary=_summary_of(practice), topic=assignment.topic if assignment.topic in TOPIC_CODES else "",
            country=practice.author_country, **_profile_defaults(practice.author_id),
        )
    entry.title = practice.title[:200] or entry.title
    entry.score = practice.score if graded else None
    entry.threshold = threshold
    # Peer-reviewed: the reviews' grade passed the threshold, not a grade staff set by hand.
    entry.peer_reviewed = (reached and entry.peer_reviewed) if imported else (reached and not by_staff_grade)
    entry.staff_approved = graded and practice.repository_approved
    entry.listed = (graded and not practice.flagged and (reached or practice.repository_approved)
                    and not entry.withdrawn)
    if entry.listed and entry.entered is None:
        entry.entered = timezone.now()
    entry.search_text = _search_text(entry)
    entry.save()
    return entry


# Reading ------------------------------------------------------------------------

def _labels_of(entry: RepositoryEntry, certified: bool) -> tuple[data.QualityLabel, ...]:
    labels = []
    if entry.peer_reviewed:
        labels.append(data.QualityLabel(
            code=PEER_REVIEWED, name=_("Peer-reviewed"),
            criterion=_("Its peer reviews graded it {score}%, at or above the {threshold}% the course set for "
                        "the repository.").format(score=round((entry.score or 0) * 100),
                                                  threshold=round(entry.threshold * 100)),
        ))
    if entry.staff_approved:
        labels.append(data.QualityLabel(code=STAFF_APPROVED, name=_("Staff-approved"),
                                        criterion=_("Course staff approved it for the repository.")))
    if certified:
        labels.append(data.QualityLabel(
            code=CERTIFIED, name=_("From a certified member"),
            criterion=_("Its author holds the certificate of the course it was written in."),
        ))
    if entry.adopted_elsewhere:
        labels.append(data.QualityLabel(code=ADOPTED_ELSEWHERE, name=_("Adopted elsewhere"),
                                        criterion=_("A member in another country reported adopting it.")))
    return tuple(labels)


def _country_name(code: str) -> str:
    from django_countries import countries  # pylint: disable=import-outside-toplevel

    return str(countries.name(code)) if code else ""


def _label(choices, code: str) -> str:
    return str(dict(choices).get(code, "")) if code else ""


def entry_data(entry: RepositoryEntry, *, certified: bool) -> data.RepositoryEntry:
    """An entry as anyone may see it: authors named only if they agreed to be."""
    author = entry.practice.author
    return data.RepositoryEntry(
        uuid=str(entry.uuid), title=entry.title, summary=entry.summary,
        summary_html=stored_html(entry.summary_html, entry.summary),
        authors=(display_name(author),) if entry.credit_author and author is not None else (),
        topic=entry.topic, topic_label=_label(TOPICS, entry.topic),
        country=entry.country, country_label=_country_name(entry.country),
        sector=entry.sector, sector_label=_label(SECTORS, entry.sector), eqf_level=entry.eqf_level,
        language=entry.language, language_label=_label(LANGUAGES, entry.language),
        licence=entry.licence, licence_label=_label(LICENCES, entry.licence), score=entry.score,
        threshold=entry.threshold, labels=_labels_of(entry, certified), adoption_count=entry.adoption_count,
        entered=entry.entered,
    )


def certified_entries(entries) -> set[int]:
    """
    Which of ``entries`` have an author holding the certificate of the entry's
    course, now (one query for a page): a revoked certificate removes the label.
    """
    wanted = {(e.practice.author_id, str(e.course_key)) for e in entries if e.practice.author_id}
    if not wanted:
        return set()
    held = {
        (user_id, str(course_key))
        for user_id, course_key in Credential.objects.filter(
            user_id__in={user_id for user_id, _key in wanted}, is_active=True,
        ).values_list("user_id", "course_key")
    }
    return {e.pk for e in entries if (e.practice.author_id, str(e.course_key)) in held}


def entries_data(entries) -> tuple[data.RepositoryEntry, ...]:
    """A page of entries, their certificates read in one query."""
    entries = list(entries)
    certified = certified_entries(entries)
    return tuple(entry_data(e, certified=e.pk in certified) for e in entries)


def listed_entries():
    """The entries the repository lists (the entry rule), with what rendering one reads."""
    return RepositoryEntry.objects.filter(listed=True).select_related("practice__author")


def count_members_accepted_practices(*, user_ids) -> dict[int, int]:
    """How many practices of each of ``user_ids`` the repository lists (one query; members with none left out)."""
    from django.db.models import Count  # pylint: disable=import-outside-toplevel

    ids = {int(user_id) for user_id in user_ids if user_id}
    if not ids:
        return {}
    rows = (listed_entries().filter(practice__author_id__in=ids).order_by()
            .values("practice__author_id").annotate(n=Count("pk")))
    return {row["practice__author_id"]: row["n"] for row in rows}


def _code(value, name: str, allowed, message: str) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or value not in allowed:
        raise InvalidInput(message, errors={name: [message]})
    return value


def clean_country(value, name: str = "country") -> str:
    """An ISO 3166 country code (upper-cased), or ``InvalidInput``."""
    from django_countries import countries  # pylint: disable=import-outside-toplevel

    if value in (None, ""):
        return ""
    code = value.upper() if isinstance(value, str) else ""
    if len(code) != 2 or code not in countries:
        message = _("Choose a country from the list.")
        raise InvalidInput(message, errors={name: [message]})
    return code


def clean_filters(filters: data.RepositoryFilters | None) -> data.RepositoryFilters:
    """The filters with every code checked: an unknown value is a 400 naming the field, never a 500."""
    filters = filters or data.RepositoryFilters()
    search = filters.search if isinstance(filters.search, str) else ""
    if len(search) > MAX_SEARCH_LENGTH:
        message = _("Search for at most {limit} characters.").format(limit=MAX_SEARCH_LENGTH)
        raise InvalidInput(message, errors={"search": [message]})
    return data.RepositoryFilters(
        search=search.strip(),
        topic=_code(filters.topic, "topic", TOPIC_CODES, _("Choose a topic from the list.")),
        country=clean_country(filters.country),
        sector=_code(filters.sector, "sector", SECTOR_CODES, _("Choose a sector from the list.")),
        eqf_level=_code(filters.eqf_level, "eqf_level", EQF_LEVEL_CODES, _("Choose an EQF level from 1 to 8.")),
        language=_code(filters.language, "language", LANGUAGE_CODES, _("Choose a language from the list.")),
        label=_code(filters.label, "label", FILTER_LABELS, _("Choose a quality label from the list.")),
    )


def _terms(filters: data.RepositoryFilters) -> list[str]:
    return filters.search.lower().split()[:MAX_SEARCH_TERMS]


def _filtered(filters: data.RepositoryFilters, *, words: bool = True):
    queryset = listed_entries()
    terms = _terms(filters) if words else []
    if terms:
        queryset = queryset.filter(word_filter(RepositoryEntry, "search_text", terms))
    for name in FACETS:
        if value := getattr(filters, name):
            queryset = queryset.filter(**{name: value})
    if filters.label:
        queryset = queryset.filter(**{filters.label: True})
    return queryset


def _facet_counts(rows) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for row in rows:
        for name, value in zip(FACETS, row, strict=True):
            if value:
                facets[name][value] = facets[name].get(value, 0) + 1
    return facets


def _date_scanned(filters: data.RepositoryFilters, terms):
    """
    The newest entries holding a frequent word, read along the ``(listed,
    <facet>, entered, id)`` index of the filters (the toolbox library's
    bounded date scan, ``core.search.bounded_word_scan``), or None when the
    words are rare enough for ``FULLTEXT``.
    """
    unsearched = _filtered(filters, words=False).order_by(*ORDERINGS["newest"])

    def date_of(number: int):
        dates = list(unsearched.values_list("entered", flat=True)[number - 1:number])
        return dates[0] if dates else None

    def along(date):
        return unsearched if date is None else unsearched.filter(entered__gte=date)

    return bounded_word_scan(along, date_of, column="search_text", terms=terms, window=FACET_WINDOW,
                             fields=FACETS)


def search_repository(
    *, filters: data.RepositoryFilters | None = None, sort: str = "newest", page=1, page_size=None,
    cursor: str | None = None,
) -> base_data.Page:
    """
    One page of the listed entries, searched and filtered by facet, in a
    fixed number of queries whatever the repository's size (the facets, a
    capped count, the page, the page's certificates).

    ``extra["facets"]``: counts per facet value among the leading
    ``FACET_WINDOW`` matches (``extra["facets_partial"]`` when there are
    more); ``extra["next_cursor"]`` names the next page by position.
    """
    if sort not in ORDERINGS:
        message = _("Sort by newest, most adopted or best reviewed.")
        raise InvalidInput(message, errors={"sort": [message]})
    filters = clean_filters(filters)
    clean_page_size(page_size)
    terms = _terms(filters)
    scanned = None
    if terms and sort == "newest" and uses_fulltext(terms):
        # A word found in most entries: read the newest along the filters' index, words checked row by row.
        scanned = _date_scanned(filters, terms)
    if scanned is not None:
        ordered, leading = scanned
    else:
        ordered = _filtered(filters).order_by(*ORDERINGS[sort])
        leading = list(ordered.values_list(*FACETS)[: FACET_WINDOW + 1])
    extra = {"facets": _facet_counts(leading[:FACET_WINDOW]), "facets_partial": len(leading) > FACET_WINDOW,
             "sort": sort, "filters": filters, "date_scan": scanned is not None}
    return paginate(ordered, page=page, page_size=page_size, transform=entries_data, extra=extra,
                    # A frequent word is counted only as far as its window ("more than 1,000"): counting on
                    # would check the words row by row through most of the repository.
                    count_limit=FACET_WINDOW if scanned is not None else COUNT_LIMIT, seek=True, cursor=cursor)


def member_actor(*, user, course_key):
    """The member browsing the repository from one of their course communities."""
    return require_member(actor_for(user=user, course_key=course_key),
                          _("Only members of a course community can use the best-practice repository."))


def list_repository(
    *, user, course_key, filters: data.RepositoryFilters | None = None, sort: str = "newest", page=1,
    page_size=None, cursor: str | None = None,
) -> base_data.Page:
    """The repository as a member of the course community ``course_key`` browses it (every course's entries)."""
    member_actor(user=user, course_key=course_key)
    return search_repository(filters=filters, sort=sort, page=page, page_size=page_size, cursor=cursor)


def repository_page_urls(*, course_key, entry_uuid: str = "") -> dict[str, str]:
    """
    The members' repository pages as seen from ``course_key``: ``browse`` (the
    list) and, given ``entry_uuid``, ``entry`` (that entry's page); empty
    where the plugin's URLs are not mounted.
    """
    try:
        urls = {"browse": reverse("vetnet:repository-member", kwargs={"course_key": str(course_key)})}
        if entry_uuid:
            urls["entry"] = reverse("vetnet:repository-member-entry",
                                    kwargs={"course_key": str(course_key), "entry_uuid": str(entry_uuid)})
    except NoReverseMatch:
        return {"browse": "", "entry": ""}
    return {"entry": "", **urls}


def parse_uuid(value, message: str) -> str:
    """``value`` as the text of a UUID; ``NotFound(message)`` when it is not one (no lookup can match it)."""
    try:
        return str(uuid_module.UUID(str(value)))
    except (TypeError, ValueError, AttributeError) as exc:
        raise NotFound(message) from exc


def load_entry(entry_uuid, *, listed_only: bool = True) -> RepositoryEntry:
    """An entry by its uuid (listed ones only unless told); ``NotFound`` for anything else."""
    message = _("No such practice in the repository.")
    queryset = RepositoryEntry.objects.select_related("practice__author", "practice__assignment")
    if listed_only:
        queryset = queryset.filter(listed=True)
    entry = queryset.filter(uuid=parse_uuid(entry_uuid, message)).first()
    if entry is None:
        raise NotFound(message)
    return entry


def _can_describe(user, entry: RepositoryEntry) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if entry.practice.author_id == user.id:
        return True
    return actor_for(user=user, course_key=entry.course_key).is_staff


def visible_entry(user, entry_uuid) -> RepositoryEntry:
    """A listed entry, or an unlisted one to its author and its course's staff (to describe or re-offer it)."""
    entry = load_entry(entry_uuid, listed_only=False)
    if not entry.listed and not _can_describe(user, entry):
        raise NotFound(_("No such practice in the repository."))
    return entry


def entry_detail(entry: RepositoryEntry, *, user=None, evidence: dict, own=None) -> data.RepositoryEntryDetail:
    """An entry with its practice's text and adoption evidence (built by ``repository_adoption``)."""
    certified = bool(certified_entries([entry]))
    texts = entry.practice.sections or {}
    sections = tuple(
        data.PracticeSection(key=s.key, label=s.label, text=texts.get(s.key, ""),
                             html=str(render_markdown(texts.get(s.key, ""))))
        for s in sections_of(entry.practice.assignment) if texts.get(s.key, "").strip()
    )
    return data.RepositoryEntryDetail(
        entry=entry_data(entry, certified=certified), sections=sections,
        adoption_outcomes=tuple(sorted(evidence["outcomes"].items())), adoption_reports=evidence["reports"],
        listed=entry.listed, withdrawn=entry.withdrawn, can_describe=_can_describe(user, entry),
        credit_author=entry.credit_author, own_adoption=own,
        is_author=bool(user is not None and getattr(user, "is_authenticated", False)
                       and entry.practice.author_id == user.id),
    )


def describe_repository_entry(
    *, user, course_key, entry_uuid, summary=None, sector=None, eqf_level=None, language=None, licence=None,
    topic=None, country=None, credit_author=None,
) -> data.RepositoryEntry:
    """
    The author (or course staff of the practice's course) set the entry's
    summary and facets; only the author decides whether they are named on it
    (``credit_author``). Fields left None stay as they are.
    """
    member_actor(user=user, course_key=course_key)
    entry = visible_entry(user, entry_uuid)
    if not _can_describe(user, entry):
        raise NotFound(_("No such practice in the repository."))
    changes = {}
    if summary is not None:
        if not isinstance(summary, str) or len(summary.strip()) > MAX_SUMMARY_LENGTH:
            message = _("Use at most {limit} characters.").format(limit=MAX_SUMMARY_LENGTH)
            raise InvalidInput(message, errors={"summary": [message]})
        changes["summary"] = summary.strip()
    checks = {
        "topic": (topic, TOPIC_CODES, _("Choose a topic from the list.")),
        "sector": (sector, SECTOR_CODES, _("Choose a sector from the list.")),
        "eqf_level": (eqf_level, EQF_LEVEL_CODES, _("Choose an EQF level from 1 to 8.")),
        "language": (language, LANGUAGE_CODES, _("Choose a language from the list.")),
    }
    for name, (value, allowed, message) in checks.items():
        if value is not None:
            changes[name] = _code(value, name, allowed, message)
    if country is not None:
        changes["country"] = clean_country(country)
    if licence is not None:
        changes["licence"] = _code(licence, "licence", {code for code, _label in LICENCES},
                                   _("Choose a licence from the list.")) or entry.licence
    if credit_author is not None:
        if entry.practice.author_id != user.id:
            message = _("Only the author decides whether they are named.")
            raise InvalidInput(message, errors={"credit_author": [message]})
        changes["credit_author"] = bool(credit_author)
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.search_text = _search_text(entry)
    entry.save()
    return entry_data(entry, certified=bool(certified_entries([entry])))


def withdraw_from_repository(*, user, course_key, entry_uuid, withdrawn: bool = True) -> data.RepositoryEntry:
    """The author takes their practice out of the repository (or offers it again, if it still qualifies)."""
    member_actor(user=user, course_key=course_key)
    entry = visible_entry(user, entry_uuid)
    if entry.practice.author_id != user.id:
        raise NotFound(_("No such practice in the repository."))
    entry.withdrawn = bool(withdrawn)
    entry.save(update_fields=["withdrawn", "modified"])
    entry = sync_entry(entry.practice)
    return entry_data(entry, certified=bool(certified_entries([entry])))


def retire_repository_author(*, user_id: int) -> None:
    """A retired author's entries go: the practice's text they hold is erased (idempotent)."""
    RepositoryEntry.objects.filter(practice__author_id=user_id).delete()

