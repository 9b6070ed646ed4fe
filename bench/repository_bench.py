"""
The best-practice repository at scale: the list members browse (and the
public page reads), through ``vetnet_plugin.api``, at 100,000 entries on MariaDB.

Practices and their entries are generated once (``bulk_create``) across 100
assignments of 1,000 authors: titles and summaries of 20-60 words from a VET
vocabulary, every facet drawn from the community's codes, nine in ten listed
(the rest pending, rejected or withdrawn), a few labels. For each request it
prints p50 and p95 over ``--runs`` runs, the queries it made, and its p50 as a
ratio to a bare indexed query for a page of 20 listed entries in the same run;
the section in bench/RESULTS.md is rewritten.

    VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=test_vetnet_repository \\
        .venv/bin/python bench/repository_bench.py [--entries 100000] [--runs 30] [--keep]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "conf"), str(REPO)]
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django

django.setup()

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import setup_databases, setup_test_environment
from django.utils import timezone

from bench.results import write_section
from bench.timing import timed
from tests.factories import enroll
from vetnet_plugin import api
from vetnet_plugin.models import BestPractice, BestPracticeAssignment, RepositoryEntry

COURSE = "course-v1:VETNet+Bench+2026"
AUTHORS = 1000
WORDS = ("apprentice workshop carpentry bakery trainer tutor funding erasmus mobility digital platform green "
         "skills validation dropout learners employer chamber crafts region school curriculum module "
         "internship mentor assessment recognition certificate hotel tourism welding mechanics energy").split()
COUNTRIES = ("IT", "ES", "GR", "FR", "DE", "PT", "BE", "AT", "PL", "RO")
SECTORS = [code for code, _label in api.SECTORS]
TOPICS = [code for code, _label in api.TOPICS]
LANGUAGES = ("en", "it", "el", "es", "ca", "fr", "de", "pt")
BEGIN, END = "<!-- repository-bench:begin -->", "<!-- repository-bench:end -->"


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _assignment(number: int) -> BestPracticeAssignment:
    usage_key = f"block-v1:VETNet+Bench+2026+type@vetnet_best_practice+block@repo{number}"
    return BestPracticeAssignment.objects.get_or_create(usage_key=usage_key, defaults={"course_key": COURSE,
                                                                                        "topic": TOPICS[0]})[0]


def grow(total: int, authors: list, rng: random.Random) -> None:
    have = RepositoryEntry.objects.count()
    now = timezone.now()
    while have < total:
        assignment = _assignment(have // AUTHORS)
        count = min(AUTHORS - have % AUTHORS, total - have)
        practices = []
        for index in range(count):
            practices.append(BestPractice(
                uuid=uuid.uuid4(), assignment=assignment, course_key=COURSE, author=authors[(have + index) % AUTHORS],
                status=BestPractice.GRADED, title=_text(rng, 6), score=rng.random(), submitted=now, graded=now,
                sections={"context": _text(rng, 40)},
            ))
        BestPractice.objects.bulk_create(practices)
        created = {p.uuid: p.pk for p in BestPractice.objects.filter(uuid__in=[p.uuid for p in practices])}
        entries = []
        for offset, practice in enumerate(practices):
            listed = rng.random() < 0.9
            title, summary = practice.title, _text(rng, rng.randint(20, 60))
            entries.append(RepositoryEntry(
                uuid=uuid.uuid4(), practice_id=created[practice.uuid], course_key=COURSE, listed=listed,
                withdrawn=not listed and rng.random() < 0.3, title=title, summary=summary,
                summary_html=f"<p>{summary}</p>",
                topic=rng.choice(TOPICS), country=rng.choice(COUNTRIES), sector=rng.choice(SECTORS),
                eqf_level=str(rng.randint(2, 6)), language=rng.choice(LANGUAGES), score=practice.score,
                peer_reviewed=practice.score >= 0.7, staff_approved=rng.random() < 0.1,
                adopted_elsewhere=rng.random() < 0.05, adoption_count=rng.randint(0, 5),
                search_text=f"{title}\n{summary}", entered=now - timezone.timedelta(minutes=have + offset),
            ))
        RepositoryEntry.objects.bulk_create(entries)
        have += count



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database (and its data) for the next run.")
    parser.add_argument("--skip", default="", help="Comma-separated words: requests whose label holds one are skipped.")
    args = parser.parse_args()
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    server = f"{connection.vendor} {connection.mysql_server_info if connection.vendor == 'mysql' else ''}".strip()
    print(f"database: {server}")
    users = get_user_model().objects
    existing = {u.username: u for u in users.filter(username__startswith="bench-author-")}
    missing = [get_user_model()(username=f"bench-author-{n}", email=f"a{n}@example.org")
               for n in range(AUTHORS) if f"bench-author-{n}" not in existing]
    users.bulk_create(missing)
    authors = list(users.filter(username__startswith="bench-author-").order_by("id"))
    viewer = users.get_or_create(username="bench-viewer", defaults={"email": "v@example.org"})[0]
    enroll(viewer, COURSE)
    start = time.perf_counter()
    grow(args.entries, authors, random.Random(2026))
    total = RepositoryEntry.objects.count()
    print(f"{total:,} entries, {RepositoryEntry.objects.filter(listed=True).count():,} listed "
          f"(made in {time.perf_counter() - start:.0f} s)")

    def listing(**kwargs):
        cursor = kwargs.pop("cursor", None)
        return api.list_repository(user=viewer, course_key=COURSE, filters=api.RepositoryFilters(**kwargs),
                                   cursor=cursor)

    second = listing().extra["next_cursor"]
    deep = second
    for _ in range(49):
        deep = listing(cursor=deep).extra["next_cursor"]
    requests = [
        ("bare: 20 listed entries, newest (one indexed query)",
         lambda: list(RepositoryEntry.objects.filter(listed=True).order_by("-entered", "-id")
                      .values("uuid", "title", "entered")[:20])),
        ("first page, newest", lambda: listing()),
        ("country", lambda: listing(country="GR")),
        ("sector + language", lambda: listing(sector="construction", language="it")),
        ("topic + EQF level", lambda: listing(topic="green_transition", eqf_level="4")),
        ("label: staff-approved", lambda: listing(label="staff_approved")),
        ("word (frequent)", lambda: listing(search="apprentice")),
        ("two words + country", lambda: listing(search="bakery mentor", country="IT")),
        ("page 2 by cursor", lambda: listing(cursor=second)),
        ("page 51 by cursor", lambda: listing(cursor=deep)),
        ("most adopted", lambda: api.list_repository(user=viewer, course_key=COURSE, sort="most_adopted")),
    ]
    skipped = [word for word in args.skip.split(",") if word]
    requests = [(label, call) for label, call in requests if not any(word in label for word in skipped)]
    rows = []
    bare = None
    for label, call in requests:
        p50, p95, queries = timed(call, args.runs)
        bare = bare or p50
        ratio = p50 / bare if bare else 0
        rows.append(f"| {label} | {p50:.1f} | {p95:.1f} | {queries} | {ratio:.1f} |")
        print(f"  {label:<52} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   queries {queries:2}   x{ratio:.1f}")
    body = (
        f"## The best-practice repository at {total:,} entries (`bench/repository_bench.py`)\n\n"
        f"{server}, {args.runs} runs per request, through `vetnet_plugin.api.list_repository` (a member's "
        "list; the public page and REST add only rendering). The member check is resolved once per request and "
        "cached, so the counts are the list's own queries (facets, capped count, page, certificates). The ratio is "
        "p50 over the bare indexed query's p50 in the same run.\n\n"
        "| request | p50 ms | p95 ms | queries | × bare |\n|---|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n"
    )
    write_section(BEGIN, END, body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
