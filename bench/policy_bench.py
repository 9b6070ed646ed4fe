"""
The policy dashboard at scale: reading it (one course, and across courses)
and refreshing its snapshot, through ``vetnet_plugin.api``, at 100,000
members on MariaDB.

Members are generated once (``bulk_create``): a membership each, with a
country (12) and an organisation type, joined over 24 months; one member in
five opened a counselling case on one to two of eight topics. The dashboard
reads the snapshot, so its time is compared with a bare indexed read of one
snapshot row in the same run; the refresh (the hourly task) is timed once.

    VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=vetnet_policy_bench \\
        .venv/bin/python bench/policy_bench.py [--members 100000] [--runs 30] [--keep]
"""
from __future__ import annotations

import argparse
import datetime
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
from bench.timing import measure
from tests.factories import enroll
from vetnet_plugin import api
from vetnet_plugin.models import CaseTopic, CounsellingCase, CourseMembership, PolicySnapshot

COURSE = "course-v1:VETNet+Bench+2026"
DESK = "block-v1:VETNet+Bench+2026+type@vetnet_counselling+block@bench"
TOPICS = [{"code": f"topic-{n}", "label": f"Topic {n}"} for n in range(8)]
COUNTRIES = ("IT", "GR", "ES", "FR", "DE", "PT", "AT", "BE", "NL", "PL", "RO", "SI")
KINDS = ("vet_provider", "sme", "craft_association", "policy_maker", "other")
User = get_user_model()


def grow(total: int, rng: random.Random) -> None:
    have = CourseMembership.objects.filter(course_key=COURSE).count()
    start = timezone.now() - datetime.timedelta(days=730)
    while have < total:
        size = min(5000, total - have)
        names = [f"bench-{have + n}" for n in range(size)]
        User.objects.bulk_create([User(username=name, email=f"{name}@example.org") for name in names])
        users = list(User.objects.filter(username__in=names).values_list("pk", flat=True))
        CourseMembership.objects.bulk_create([
            CourseMembership(user_id=pk, course_key=COURSE, is_active=True, country=rng.choice(COUNTRIES),
                             organisation_type=rng.choice(KINDS), joined=start + datetime.timedelta(
                                 minutes=rng.randint(0, 730 * 24 * 60)))
            for pk in users
        ])
        owners = [pk for pk in users if rng.random() < 0.2]
        cases = [CounsellingCase(
            uuid=uuid.uuid4(), course_key=COURSE, usage_key=DESK, owner_id=pk, title="Case", problem="A problem.",
            language="en", search_text="case", thread_uuid=str(uuid.uuid4()), country=rng.choice(COUNTRIES),
            sector=rng.choice(("ict", "agrifood", "hospitality", "")), is_solved=rng.random() < 0.3,
        ) for pk in owners]
        CounsellingCase.objects.bulk_create(cases)
        created = list(CounsellingCase.objects.filter(uuid__in=[c.uuid for c in cases]).values_list("pk", flat=True))
        CaseTopic.objects.bulk_create([
            CaseTopic(case_id=pk, usage_key=DESK, topic=code)
            for pk in created for code in rng.sample([t["code"] for t in TOPICS], rng.randint(1, 2))
        ])
        have += size



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database (and its data) for the next run.")
    args = parser.parse_args()
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    print(f"database: {connection.vendor}")
    staff = User.objects.get_or_create(username="bench-staff", defaults={"email": "s@example.org", "is_staff": True})[0]
    reader = User.objects.get_or_create(username="bench-reader", defaults={"email": "r@example.org"})[0]
    enroll(reader, COURSE)
    if not api.has_community_role(user_id=reader.id, course_key=COURSE, role="policy_maker"):
        api.grant_community_role(user=staff, course_key=COURSE, member_id=reader.id, role="policy_maker")
    api.configure_counselling_desk(course_key=COURSE, usage_key=DESK, topics=TOPICS)
    start = time.perf_counter()
    grow(args.members, random.Random(2026))
    members = CourseMembership.objects.filter(course_key=COURSE).count()
    print(f"{members:,} members, {CounsellingCase.objects.filter(usage_key=DESK).count():,} cases "
          f"(made in {time.perf_counter() - start:.0f} s)")
    start = time.perf_counter()
    api.refresh_policy_snapshots(course_keys=[COURSE])
    refresh = time.perf_counter() - start
    print(f"  snapshot refresh (the hourly task, once)     {refresh:7.1f} s")
    rows = []
    bare = measure("bare: one snapshot row by its unique key",
                   lambda: PolicySnapshot.objects.filter(course_key=COURSE).first(), args.runs)
    for label, call in (
        ("dashboard: one course", lambda: api.get_policy_dashboard(user=reader, course_key=COURSE)),
        ("dashboard: one course, one country", lambda: api.get_policy_dashboard(user=reader, course_key=COURSE,
                                                                                 country="IT")),
        ("dashboard: across the reader's courses", lambda: api.get_policy_dashboard(user=reader)),
    ):
        median, p95, queries = measure(label, call, args.runs)
        rows.append(f"| {label} | {median:.1f} | {p95:.1f} | {p95 / max(bare[1], 0.001):.0f}x | {queries} |")
    write_section("<!-- policy-bench -->", "<!-- /policy-bench -->", (
        f"## Policy dashboard ({members:,} members, {connection.vendor})\n\n"
        f"Snapshot refresh (the hourly task) for the course: {refresh:.1f} s.\n\n"
        "| Request | p50 ms | p95 ms | p95 / bare indexed read | queries |\n|---|---|---|---|---|\n"
        f"| bare: one snapshot row by its unique key | {bare[0]:.1f} | {bare[1]:.1f} | 1x | {bare[2]} |\n"
        + "\n".join(rows) + "\n\n"
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
