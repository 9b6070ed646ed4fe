"""
The community hub and the four phases at scale, through ``vetnet_plugin.api``,
on MariaDB: the hub of a member of one course and of ten, and the hourly
recording of a course's progress, per batch of 500 members and whole.

Members are generated once (``bulk_create``): users, their memberships of the
bench course, two to six posts each in its threads, follows; the viewer also
belongs to nine more courses. Each hub request is timed ``--runs`` times (p50,
p95, queries) beside a bare indexed query of the same run (one membership row
by its unique key), and the ratio of the two p95s is reported.

    VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=test_hub_bench \\
        .venv/bin/python bench/hub_bench.py [--members 10000] [--runs 30] [--keep] [--write]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
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
from django.test.utils import CaptureQueriesContext, setup_databases, setup_test_environment
from django.utils import timezone

from bench.results import write_section
from tests.factories import new_request
from vetnet_plugin import api
from vetnet_plugin.models import CourseMembership, Follow, PhaseProgress, Post, Thread

COURSE = "course-v1:VETNet+HubBench+2026"
OTHERS = [f"course-v1:VETNet+HubBench{n}+2026" for n in range(9)]
BLOCK = "block-v1:VETNet+HubBench+2026+type@vetnet_scenarios+block@bench"


def grow(total: int, rng: random.Random) -> None:
    users = get_user_model().objects
    have = users.filter(username__startswith="hub-bench-").count()
    threads = list(Thread.objects.filter(course_key=COURSE))
    if not threads:
        Thread.objects.bulk_create([Thread(uuid=uuid.uuid4(), course_key=COURSE, usage_key=BLOCK, target=f"t{n}",
                                           title=f"Thread {n}") for n in range(50)])
        threads = list(Thread.objects.filter(course_key=COURSE))
    now, batch = timezone.now(), 2000
    while have < total:
        names = [f"hub-bench-{have + n}" for n in range(min(batch, total - have))]
        users.bulk_create([get_user_model()(username=name, email=f"{name}@example.org") for name in names])
        ids = list(users.filter(username__in=names).values_list("id", flat=True))
        CourseMembership.objects.bulk_create([CourseMembership(user_id=i, course_key=COURSE, joined=now,
                                                               sort_name=str(i)) for i in ids])
        Post.objects.bulk_create([
            Post(uuid=uuid.uuid4(), thread=rng.choice(threads), author_id=i, body="Short courses help SMEs.",
                 language="en") for i in ids for _ in range(rng.randint(2, 6))
        ])
        have += len(names)


def measure(label: str, call, runs: int) -> dict:
    for _ in range(2):
        call()
    times = []
    for _ in range(runs):
        new_request()
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    new_request()
    with CaptureQueriesContext(connection) as captured:
        call()
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    row = {"label": label, "p50": statistics.median(times), "p95": p95, "queries": len(captured.captured_queries)}
    print(f"  {label:<48} p50 {row['p50']:8.1f} ms   p95 {p95:8.1f} ms   queries {row['queries']}")
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database (and its data) for the next run.")
    parser.add_argument("--write", action="store_true", help="Write the results into bench/RESULTS.md.")
    args = parser.parse_args()
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    database = f"{connection.vendor} {connection.mysql_server_info if connection.vendor == 'mysql' else ''}"
    print(f"database: {database}")
    start = time.perf_counter()
    grow(args.members, random.Random(2026))
    viewer = get_user_model().objects.get(username="hub-bench-0")
    one = get_user_model().objects.get(username="hub-bench-1")
    now = timezone.now()
    for key in OTHERS:
        CourseMembership.objects.get_or_create(user=viewer, course_key=key, defaults={"joined": now})
    for thread in Thread.objects.filter(course_key=COURSE)[:20]:
        Follow.objects.get_or_create(user=viewer, thread=thread, defaults={"digest_since": now})
    members = CourseMembership.objects.filter(course_key=COURSE).count()
    print(f"{members:,} members, {Post.objects.filter(thread__course_key=COURSE).count():,} posts "
          f"(made in {time.perf_counter() - start:.0f} s)")
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        api.record_phase_progress(course_key=COURSE)
    whole = time.perf_counter() - start
    print(f"  record the course's progress: {whole:.1f} s, {len(captured.captured_queries)} queries, "
          f"{PhaseProgress.objects.filter(course_key=COURSE).count():,} rows")
    batch_ids = list(CourseMembership.objects.filter(course_key=COURSE).order_by("user_id")
                     .values_list("user_id", flat=True)[:500])
    rows = [
        measure("bare: one membership by its unique key",
                lambda: CourseMembership.objects.filter(user_id=one.id, course_key=COURSE).exists(), args.runs),
        measure("hub: a member of one course", lambda: api.get_hub(user=one), args.runs),
        measure("hub: a member of ten courses (course tab)", lambda: api.get_hub(user=viewer, course_key=COURSE),
                args.runs),
        measure("record: one batch of 500 members",
                lambda: api.record_phase_progress(course_key=COURSE, user_ids=batch_ids), max(5, args.runs // 3)),
    ]
    bare = rows[0]["p95"] or 0.001
    lines = [f"Measured on {database}, {members:,} members of one course and their "
             f"{Post.objects.filter(thread__course_key=COURSE).count():,} posts; the viewer belongs to ten courses.\n",
             "| Request | p50 ms | p95 ms | queries | p95 / bare |", "|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['label']} | {row['p50']:.1f} | {row['p95']:.1f} | {row['queries']} | "
                     f"{row['p95'] / bare:.0f} |")
    lines.append(f"\nRecording the whole course's progress (the hourly task's share for it): {whole:.1f} s in "
                 f"{len(captured.captured_queries)} queries.\n")
    if args.write:
        write_section("<!-- hub-bench -->", "<!-- /hub-bench -->", "## Community hub and four phases\n\n"
                      + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
