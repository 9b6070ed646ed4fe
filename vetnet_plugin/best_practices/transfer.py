"""
Moving the best-practice repository between instances, with the community
export (``manage.py vetnet_community``).

``repository.json`` holds every listed entry (the entry rule, ADR 0016): its
practice's text with the section labels, the facets, licence, score,
threshold and stored quality labels, the date it entered, and its adoptions.
The author's username travels only when they agreed to be credited; an
adoption carries what the toolbox's library export carries for its own
(username, context note, outcome, report, date) and the adopter's country,
which the "adopted elsewhere" label needs. Pending, rejected and withdrawn
practices never leave the instance.

An import creates each entry once (keyed by the entry's uuid): its practice,
graded with the exported score, goes under one assignment per course that
holds imported practices (usage key ``vetnet-imported:<course>``, its
sections the union of the imported labels); the entry keeps its stored labels
and is listed. Authors and adopters are matched by username; adoptions of
members missing on the target are left out and the counter follows.
"""
from __future__ import annotations

import json
import uuid as uuid_module
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.dateparse import parse_datetime

from ..core.adoption import OUTCOME_CODES
from ..core.keys import parse_course_key
from ..core.taxonomy import EQF_LEVEL_CODES, LANGUAGE_CODES, LICENCES, SECTOR_CODES, TOPIC_CODES
from ..exceptions import InvalidInput
from .models import BestPractice, BestPracticeAssignment, PracticeAdoption, RepositoryEntry
from .repository import FACETS, IMPORTED, clean_country, listed_entries
from .repository_adoption import refresh_adopted_elsewhere

FORMAT_VERSION = 1
REPOSITORY_FILE = "repository.json"
IMPORTED_PREFIX = "vetnet-imported:"
_BATCH = 200
_CODES = {"topic": TOPIC_CODES, "sector": SECTOR_CODES, "eqf_level": EQF_LEVEL_CODES, "language": LANGUAGE_CODES}


def _entries(course_key=None):
    queryset = listed_entries().select_related("practice__assignment").prefetch_related("adoptions__member")
    if course_key:
        queryset = queryset.filter(course_key=parse_course_key(course_key))
    return queryset.order_by("entered", "id")


def count_repository(*, course_key=None) -> int:
    """How many listed repository entries an export (of the community or one course) would hold."""
    return _entries(course_key).count()


def _sections(practice: BestPractice) -> list[dict]:
    texts = practice.sections or {}
    labels = {s.get("key"): s.get("label", "") for s in practice.assignment.sections or ()}
    ordered = [key for key in labels if key in texts] + [key for key in texts if key not in labels]
    return [{"key": key, "label": labels.get(key) or key, "text": str(texts[key] or "")} for key in ordered]


def _record(entry: RepositoryEntry) -> dict:
    practice = entry.practice
    author = practice.author if entry.credit_author else None
    return {
        "uuid": str(entry.uuid), "practice_uuid": str(practice.uuid), "course_key": str(entry.course_key),
        "title": entry.title, "summary": entry.summary, "sections": _sections(practice),
        **{name: getattr(entry, name) for name in FACETS},
        "licence": entry.licence, "credit_author": entry.credit_author,
        "author": author.username if author is not None else None,
        "score": entry.score, "threshold": entry.threshold, "peer_reviewed": entry.peer_reviewed,
        "staff_approved": entry.staff_approved, "entered": entry.entered.isoformat() if entry.entered else None,
        "adoptions": [
            {"member": a.member.username, "country": a.country, "context": a.context, "outcome": a.outcome,
             "outcome_report": a.outcome_report, "created": a.created.isoformat()}
            for a in entry.adoptions.all()
        ],
    }


def export_repository(*, destination, course_key=None, progress=None) -> int:
    """
    Write ``repository.json`` into the folder ``destination`` (listed entries
    only) and return how many entries it holds; ``progress(n)`` after each one.
    """
    target = Path(destination)
    target.mkdir(parents=True, exist_ok=True)
    records = []
    for entry in _entries(course_key).iterator(chunk_size=_BATCH):
        records.append(_record(entry))
        if progress:
            progress(1)
    (target / REPOSITORY_FILE).write_text(
        json.dumps({"format": FORMAT_VERSION, "entries": records}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return len(records)


def _check(record, path: Path, index: int) -> None:
    def fail(what):
        raise ValueError(f"{path}: entry {index + 1} {what}.")

    if not isinstance(record, dict):
        fail("is not an object")
    for name in ("uuid", "practice_uuid"):
        try:
            uuid_module.UUID(str(record.get(name)))
        except ValueError:
            fail(f"has no valid {name}")
    try:
        parse_course_key(str(record.get("course_key") or ""))
    except InvalidInput:
        fail("has no valid course_key")
    if not isinstance(record.get("title"), str) or not record["title"].strip():
        fail("has no title")
    score = record.get("score")
    if not isinstance(score, (int, float)) or isinstance(score, bool) or not 0 <= score <= 1:
        fail("has no score between 0 and 1")
    sections = record.get("sections")
    if not isinstance(sections, list) or not all(
        isinstance(s, dict) and isinstance(s.get("key"), str) and s["key"] and isinstance(s.get("text"), str)
        for s in sections
    ):
        fail("has malformed sections")
    adoptions = record.get("adoptions", [])
    if not isinstance(adoptions, list) or not all(isinstance(a, dict) and a.get("member") for a in adoptions):
        fail("has adoptions without a member")
    if record.get("entered") and parse_datetime(str(record["entered"])) is None:
        fail("has an unreadable entered date")


def read_repository_export(*, source) -> list[dict] | None:
    """
    The entry records of an export folder; ``None`` when it has no
    ``repository.json`` (an export made before the repository travelled);
    ``ValueError`` when the file is not one this version reads.
    """
    path = Path(source) / REPOSITORY_FILE
    if not path.is_file():
        return None
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not JSON: {error}") from error
    if not isinstance(content, dict) or content.get("format") != FORMAT_VERSION:
        raise ValueError(f"Unknown repository format in {path}.")
    entries = content.get("entries")
    if not isinstance(entries, list):
        raise ValueError(f"{path} holds no list of entries.")
    for index, record in enumerate(entries):
        _check(record, path, index)
    return entries


def _facets(record: dict) -> dict:
    """Only codes the target's vocabularies know; anything else is dropped."""
    values = {name: record.get(name) if record.get(name) in codes else "" for name, codes in _CODES.items()}
    try:
        values["country"] = clean_country(record.get("country") or "")
    except InvalidInput:
        values["country"] = ""
    licences = {code for code, _label in LICENCES}
    values["licence"] = record.get("licence") if record.get("licence") in licences else "cc-by"
    return values


def _imported_assignment(course_key, sections: list[dict]) -> BestPracticeAssignment:
    assignment, _created = BestPracticeAssignment.objects.select_for_update().get_or_create(
        usage_key=f"{IMPORTED_PREFIX}{course_key}",
        defaults={"course_key": course_key, "title": "Imported practices", "sections": []},
    )
    known = {s["key"] for s in assignment.sections}
    added = [{"key": s["key"], "label": str(s.get("label") or s["key"])[:200], "prompt": "", "required": False}
             for s in sections if s["key"] not in known]
    if added:
        assignment.sections = [*assignment.sections, *{s["key"]: s for s in added}.values()]
        assignment.save(update_fields=["sections", "modified"])
    return assignment


def _import_one(record: dict, users: dict, course_key) -> bool:
    if RepositoryEntry.objects.filter(uuid=record["uuid"]).exists():
        return False
    key = course_key or parse_course_key(record["course_key"])
    entered = parse_datetime(record["entered"]) if record.get("entered") else None
    with transaction.atomic():
        assignment = _imported_assignment(key, record["sections"])
        author = users.get(record.get("author")) if record.get("credit_author") else None
        if author is not None and BestPractice.objects.filter(assignment=assignment, author=author).exists():
            author = None  # one practice per author and assignment: a second one is kept, uncredited
        practice_uuid = record["practice_uuid"]
        if BestPractice.objects.filter(uuid=practice_uuid).exists():
            practice_uuid = uuid_module.uuid4()
        facets = _facets(record)
        practice = BestPractice.objects.create(
            uuid=practice_uuid, assignment=assignment, course_key=key, author=author,
            status=BestPractice.GRADED, title=record["title"][:200],
            sections={s["key"]: s["text"] for s in record["sections"]}, author_country=facets["country"],
            submitted=entered, score=float(record["score"]), graded=entered,
            grade_detail={"method": IMPORTED}, repository_approved=bool(record.get("staff_approved")),
        )
        summary = str(record.get("summary") or "")
        entry = RepositoryEntry.objects.create(
            uuid=record["uuid"], practice=practice, course_key=key, listed=True, title=record["title"][:200],
            summary=summary, **facets, credit_author=bool(record.get("credit_author")) and author is not None,
            score=float(record["score"]), threshold=float(record.get("threshold") or 0.7),
            peer_reviewed=bool(record.get("peer_reviewed")), staff_approved=bool(record.get("staff_approved")),
            search_text=f"{record['title'][:200]}\n{summary}".lower(), entered=entered,
        )
        for adoption in record.get("adoptions", []):
            adopter = users.get(adoption["member"])
            if adopter is None or adopter == author:
                continue
            outcome = adoption.get("outcome")
            row = PracticeAdoption.objects.create(
                entry=entry, member=adopter, country=str(adoption.get("country") or "")[:2].upper(),
                context=str(adoption.get("context") or ""), outcome=outcome if outcome in OUTCOME_CODES else "",
                outcome_report=str(adoption.get("outcome_report") or ""),
            )
            if created := parse_datetime(str(adoption.get("created") or "")):
                PracticeAdoption.objects.filter(pk=row.pk).update(created=created)
        RepositoryEntry.objects.filter(pk=entry.pk).update(
            adoption_count=PracticeAdoption.objects.filter(entry=entry).count())
        refresh_adopted_elsewhere(entry.pk)
    return True


def import_repository(*, source, course_key=None, progress=None) -> tuple[int, int]:
    """
    Import ``repository.json`` from the folder ``source``; ``course_key`` puts
    every entry in that course. Returns (imported, skipped because already
    present); (0, 0) for a folder without the file.
    """
    records = read_repository_export(source=source)
    if records is None:
        return 0, 0
    key = parse_course_key(course_key) if course_key else None
    usernames = {r.get("author") for r in records} | {a["member"] for r in records for a in r.get("adoptions", [])}
    usernames.discard(None)
    users = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    imported = skipped = 0
    for record in records:
        if _import_one(record, users, key):
            imported += 1
        else:
            skipped += 1
        if progress:
            progress(1)
    return imported, skipped
