"""
Moving the community library between instances: export to a folder
(``library.json``, ``library.csv`` and ``files/``), import from one.

Members are matched by username, the only identifier two instances share;
reviews and adoptions of members who do not exist on the target are left
out and the counters recomputed from what was imported. Importing the same
export twice changes nothing the second time (resources are keyed by uuid).
"""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.utils.dateparse import parse_datetime

from ..core.keys import parse_course_key
from .files import delete_stored_files, storage_name, toolbox_storage
from .models import Adoption, Resource, ResourceAttribute, ResourceVersion, Review
from .reuse import refresh_rating

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_CSV_FIELDS = [
    "uuid", "course_key", "title", "resource_type", "country", "sectors", "eqf_levels", "languages",
    "target_group", "licence", "tags", "status", "author", "created", "rating_average", "rating_count",
    "adoption_count", "download_count", "versions",
]


def _username(user) -> str:
    return user.username if user is not None else ""


def _resource_record(resource) -> dict:
    attributes: dict[str, list[str]] = {}
    for attribute in resource.attributes.all():
        attributes.setdefault(attribute.kind, []).append(attribute.value)
    return {
        "uuid": str(resource.uuid),
        "course_key": str(resource.course_key),
        "usage_key": resource.usage_key,
        "author": _username(resource.author),
        "in_community_library": resource.in_community_library,
        "status": resource.status,
        "moderation_reason": resource.moderation_reason,
        "title": resource.title,
        "description": resource.description,
        "resource_type": resource.resource_type,
        "country": resource.country,
        "target_group": resource.target_group,
        "licence": resource.licence,
        "attributes": {kind: sorted(values) for kind, values in attributes.items()},
        "created": resource.created.isoformat(),
        "download_count": resource.download_count,
        "current_version": resource.current_version.number if resource.current_version else None,
        "versions": [
            {
                "uuid": str(v.uuid), "number": v.number, "file": f"files/{v.uuid}{Path(v.storage_name).suffix}"
                if v.storage_name else "", "original_filename": v.original_filename, "content_type": v.content_type,
                "size": v.size, "sha256": v.sha256, "link_url": v.link_url, "change_note": v.change_note,
                "scan_status": v.scan_status, "created": v.created.isoformat(),
            }
            for v in resource.versions.all()
        ],
        "reviews": [
            {"author": _username(r.author), "rating": r.rating, "text": r.text, "created": r.created.isoformat()}
            for r in resource.reviews.all()
        ],
        "adoptions": [
            {"member": _username(a.member), "context": a.context, "outcome": a.outcome,
             "outcome_report": a.outcome_report, "created": a.created.isoformat()}
            for a in resource.adoptions.all()
        ],
    }


def count_library(*, course_key=None) -> int:
    """How many resources an export would hold."""
    queryset = Resource.objects.all()
    if course_key:
        queryset = queryset.filter(course_key=parse_course_key(course_key))
    return queryset.count()


def export_library(*, destination, course_key=None, progress=None) -> int:
    """
    Write the library (or one course's part of it) to the folder ``destination``.

    ``progress(n)`` is called after each resource. Returns how many were exported.
    """
    target = Path(destination)
    (target / "files").mkdir(parents=True, exist_ok=True)
    queryset = Resource.objects.select_related("author", "current_version").prefetch_related(
        "attributes", "versions", "reviews__author", "adoptions__member"
    ).order_by("created", "id")
    if course_key:
        queryset = queryset.filter(course_key=parse_course_key(course_key))
    storage = toolbox_storage()
    records = []
    for resource in queryset.iterator(chunk_size=200):
        record = _resource_record(resource)
        for version, stored in zip(record["versions"], resource.versions.all(), strict=False):
            if stored.storage_name:
                with storage.open(stored.storage_name, "rb") as source, open(target / version["file"], "wb") as out:
                    for chunk in iter(lambda: source.read(1024 * 1024), b""):
                        out.write(chunk)
        records.append(record)
        if progress:
            progress(1)
    (target / "library.json").write_text(
        json.dumps({"format": FORMAT_VERSION, "resources": records}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    with open(target / "library.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS)
        writer.writeheader()
        for record, resource in zip(records, queryset, strict=False):
            attributes = record["attributes"]
            writer.writerow({
                **{name: record.get(name, "") for name in _CSV_FIELDS},
                "sectors": ";".join(attributes.get(ResourceAttribute.SECTOR, [])),
                "eqf_levels": ";".join(attributes.get(ResourceAttribute.EQF_LEVEL, [])),
                "languages": ";".join(attributes.get(ResourceAttribute.LANGUAGE, [])),
                "tags": ";".join(attributes.get(ResourceAttribute.TAG, [])),
                "rating_average": resource.rating_average, "rating_count": resource.rating_count,
                "adoption_count": resource.adoption_count, "versions": len(record["versions"]),
            })
    return len(records)


def read_library_export(*, source) -> list[dict]:
    """The resource records of an export folder; ``ValueError`` if it is not one."""
    path = Path(source) / "library.json"
    if not path.is_file():
        raise ValueError(f"{path} does not exist: give the folder an export wrote.")
    content = json.loads(path.read_text(encoding="utf-8"))
    if content.get("format") != FORMAT_VERSION:
        raise ValueError(f"Unknown export format {content.get('format')!r}.")
    return content["resources"]


def _import_one(record: dict, source: Path, users: dict, course_key) -> bool:
    if Resource.objects.filter(uuid=record["uuid"]).exists():
        return False
    stored: list[str] = []
    try:
        with transaction.atomic():
            resource = Resource.objects.create(
                uuid=record["uuid"], course_key=course_key or parse_course_key(record["course_key"]),
                usage_key=record.get("usage_key", ""), author=users.get(record.get("author")),
                in_community_library=record["in_community_library"], status=record["status"],
                moderation_reason=record.get("moderation_reason", ""), title=record["title"],
                description=record["description"], resource_type=record["resource_type"],
                country=record["country"], target_group=record["target_group"], licence=record["licence"],
                search_text="\n".join([record["title"], record["description"],
                                       " ".join(record["attributes"].get(ResourceAttribute.TAG, []))]).lower(),
                download_count=record.get("download_count", 0),
            )
            created = parse_datetime(record["created"])
            Resource.objects.filter(pk=resource.pk).update(created=created)
            ResourceAttribute.objects.bulk_create([
                ResourceAttribute(resource=resource, kind=kind, value=value, created=created)
                for kind, values in record["attributes"].items() for value in values
            ])
            current = None
            for item in record["versions"]:
                version = ResourceVersion(
                    uuid=item["uuid"], resource=resource, number=item["number"], link_url=item["link_url"],
                    original_filename=item["original_filename"], content_type=item["content_type"],
                    size=item["size"], sha256=item["sha256"], change_note=item["change_note"],
                    scan_status=item["scan_status"],
                )
                if item["file"]:
                    with open(source / item["file"], "rb") as handle:
                        name = storage_name(resource.uuid, version.uuid, Path(item["file"]).suffix.lstrip("."))
                        version.storage_name = toolbox_storage().save(name, File(handle, name=name))
                        stored.append(version.storage_name)
                version.save()
                if item["number"] == record["current_version"]:
                    current = version
            for review in record["reviews"]:
                if review["author"] in users:
                    Review.objects.create(resource=resource, author=users[review["author"]],
                                          rating=review["rating"], text=review["text"])
            for adoption in record["adoptions"]:
                if adoption["member"] in users:
                    Adoption.objects.create(resource=resource, member=users[adoption["member"]],
                                            context=adoption["context"], outcome=adoption["outcome"],
                                            outcome_report=adoption["outcome_report"])
            Resource.objects.filter(pk=resource.pk).update(
                current_version=current,
                adoption_count=Adoption.objects.filter(resource=resource).count(),
            )
            refresh_rating(resource.pk)
    except BaseException:
        delete_stored_files(stored)
        raise
    return True


def import_library(*, source, course_key=None, progress=None) -> tuple[int, int]:
    """
    Import an export folder; ``course_key`` puts every resource in that course.

    Returns (imported, skipped because already present).
    """
    folder = Path(source)
    records = read_library_export(source=folder)
    key = parse_course_key(course_key) if course_key else None
    usernames = {record.get("author") for record in records}
    for record in records:
        usernames.update(r["author"] for r in record["reviews"])
        usernames.update(a["member"] for a in record["adoptions"])
    usernames.discard("")
    usernames.discard(None)
    users = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    imported = skipped = 0
    for record in records:
        if _import_one(record, folder, users, key):
            imported += 1
        else:
            skipped += 1
        if progress:
            progress(1)
    return imported, skipped

