"""
The repository beyond the platform: the public read-only page (on or off per
site, ``VETNET_PUBLIC_REPOSITORY``), the Atom and JSON feeds, and the export
of an entry in the shape the Erasmus+ Project Results Platform and EPALE take.

Everything here reads listed entries only (``repository.listed_entries``) and
shows no personal data beyond the names of authors who agreed to be credited.
"""
from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .. import data as base_data
from ..conf import setting
from ..exceptions import NotFound
from . import data
from .repository import (
    certified_entries,
    entries_data,
    entry_data,
    entry_detail,
    listed_entries,
    load_entry,
    member_actor,
    search_repository,
)
from .repository_adoption import evidence_of

FEED_ENTRIES = 30

# Where each licence code's deed lives, for platforms that take a licence link.
LICENCE_URLS = {
    "cc-by": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nd": "https://creativecommons.org/licenses/by-nd/4.0/",
    "cc-by-nc": "https://creativecommons.org/licenses/by-nc/4.0/",
    "cc-by-nc-sa": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "cc-by-nc-nd": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "all-rights-reserved": "",
}

EXPORT_FORMATS = ("json", "csv")
CSV_COLUMNS = ("identifier", "title", "summary", "topics", "countries", "sectors", "eqf_levels", "languages",
               "licence", "licence_url", "link", "authors", "labels", "date")


def public_repository_enabled() -> bool:
    """Whether this site shows the repository to everyone, without login."""
    return bool(setting("VETNET_PUBLIC_REPOSITORY"))


def _require_public() -> None:
    # Off: the public addresses do not exist (404), rather than saying "forbidden".
    if not public_repository_enabled():
        raise NotFound(_("This site does not publish its best-practice repository."))


def list_public_repository(
    *, filters: data.RepositoryFilters | None = None, sort: str = "newest", page=1, page_size=None,
    cursor: str | None = None,
) -> base_data.Page:
    """The repository as anyone sees it on the public page (``NotFound`` when the site keeps it closed)."""
    _require_public()
    return search_repository(filters=filters, sort=sort, page=page, page_size=page_size, cursor=cursor)


def get_public_repository_entry(*, entry_uuid) -> data.RepositoryEntryDetail:
    """One listed entry with its text and adoption evidence, for everyone (no adopter is named)."""
    _require_public()
    entry = load_entry(entry_uuid)
    evidence, _own = evidence_of(entry, None)
    return entry_detail(entry, user=None, evidence=evidence)


def list_repository_feed(*, limit: int = FEED_ENTRIES) -> tuple[data.RepositoryEntry, ...]:
    """The newest listed entries, for the Atom and JSON feeds (``NotFound`` when the site keeps it closed)."""
    _require_public()
    limit = max(1, min(int(limit), 100))
    return entries_data(listed_entries().order_by("-entered", "-id")[:limit])


def _export(entry_record, link: str) -> data.RepositoryExport:
    record = entry_record
    return data.RepositoryExport(
        identifier=f"urn:uuid:{record.uuid}", title=record.title, summary=record.summary,
        topics=tuple(v for v in (record.topic_label,) if v), countries=tuple(v for v in (record.country,) if v),
        sectors=tuple(v for v in (record.sector_label,) if v), eqf_levels=tuple(v for v in (record.eqf_level,) if v),
        languages=tuple(v for v in (record.language,) if v), licence=record.licence_label or record.licence,
        licence_url=LICENCE_URLS.get(record.licence, ""), link=link, authors=record.authors,
        labels=tuple(label.name for label in record.labels), date=record.entered,
    )


def export_repository_entry(*, entry_uuid, link: str, user=None, course_key=None) -> data.RepositoryExport:
    """
    One listed entry as the Erasmus+ Project Results Platform and EPALE take
    it: title, summary, topics, countries, licence and ``link`` (its page).
    Members export from their course community; anyone when the site
    publishes the repository.
    """
    if user is not None and course_key is not None:
        member_actor(user=user, course_key=course_key)
    else:
        _require_public()
    entry = load_entry(entry_uuid)
    return _export(entry_data(entry, certified=bool(certified_entries([entry]))), link)


def export_as_json(export: data.RepositoryExport) -> dict:
    """The export as a JSON object (dates in ISO 8601)."""
    return {
        "identifier": export.identifier, "title": export.title, "summary": export.summary,
        "topics": list(export.topics), "countries": list(export.countries), "sectors": list(export.sectors),
        "eqf_levels": list(export.eqf_levels), "languages": list(export.languages), "licence": export.licence,
        "licence_url": export.licence_url, "link": export.link, "authors": list(export.authors),
        "labels": list(export.labels), "date": export.date.isoformat() if export.date else None,
    }


def export_as_csv(export: data.RepositoryExport) -> str:
    """The export as CSV: a header row and one row, lists joined with "; "."""
    values = export_as_json(export)
    row = ["; ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
           for value in (values[column] for column in CSV_COLUMNS)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    # A cell a spreadsheet would run as a formula is quoted as text.
    writer.writerow(["'" + cell if cell[:1] in ("=", "+", "-", "@") else cell for cell in row])
    return out.getvalue()
