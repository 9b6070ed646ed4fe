"""
Peer counselling at scale: the similar-case suggestion and the "needs help"
queue, through ``vetnet_plugin.api`` (the server's part of the block's
``similar`` and ``queue_html`` handlers), at 50,000 cases on MariaDB.

Cases are generated once (``bulk_create``) in one block: titles and problems
of 40-80 words from a VET vocabulary, one to three topic tags out of eight,
one case in four solved, half answered, four languages. For each request it
prints p50 and p95 over ``--runs`` runs and the queries it made.

    VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=vetnet_counselling \\
        .venv/bin/python bench/counselling_bench.py [--cases 50000] [--runs 30] [--keep]
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

from bench.timing import measure
from tests.factories import enroll
from vetnet_plugin import api
from vetnet_plugin.models import CaseTopic, CounsellingCase

COURSE = "course-v1:VETNet+Bench+2026"
DESK = "block-v1:VETNet+Bench+2026+type@vetnet_counselling+block@bench"
TOPICS = [{"code": f"topic-{n}", "label": f"Topic {n}"} for n in range(8)]
WORDS = ("apprentice workshop carpentry bakery trainer tutor funding erasmus mobility digital platform green "
         "skills validation dropout learners employer chamber crafts region school curriculum module "
         "internship mentor assessment recognition certificate hotel tourism welding mechanics energy").split()
LANGUAGES = ("en", "it", "el", "es")


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def grow(total: int, owner, rng: random.Random) -> None:
    have = CounsellingCase.objects.filter(usage_key=DESK).count()
    batch = 2000
    while have < total:
        rows = []
        for _ in range(min(batch, total - have)):
            title, problem = _text(rng, 6), _text(rng, rng.randint(40, 80))
            solved, answered = rng.random() < 0.25, rng.random() < 0.5
            rows.append(CounsellingCase(
                uuid=uuid.uuid4(), course_key=COURSE, usage_key=DESK, owner=owner, title=title, problem=problem,
                language=rng.choice(LANGUAGES), search_text=f"{title} {problem}", thread_uuid=str(uuid.uuid4()),
                is_solved=solved, is_answered=answered or solved, answer_count=1 if answered or solved else 0,
                accepted_count=1 if solved else 0, sector=rng.choice(("ict", "agrifood", "hospitality", "")),
            ))
        created = CounsellingCase.objects.bulk_create(rows)
        if not created[0].pk:  # MariaDB returns no ids from bulk_create: read them back
            created = list(CounsellingCase.objects.filter(uuid__in=[r.uuid for r in rows]))
        CaseTopic.objects.bulk_create([
            CaseTopic(case_id=case.pk, usage_key=DESK, topic=code)
            for case in created for code in rng.sample([t["code"] for t in TOPICS], rng.randint(1, 3))
        ])
        have += len(rows)



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database (and its data) for the next run.")
    args = parser.parse_args()
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    print(f"database: {connection.vendor} {connection.mysql_server_info if connection.vendor == 'mysql' else ''}")
    user = get_user_model().objects.get_or_create(username="bench-owner", defaults={"email": "b@example.org"})[0]
    viewer = get_user_model().objects.get_or_create(username="bench-viewer", defaults={"email": "v@example.org"})[0]
    for person in (user, viewer):
        enroll(person, COURSE)
    api.configure_counselling_desk(course_key=COURSE, usage_key=DESK, topics=TOPICS)
    start = time.perf_counter()
    grow(args.cases, user, random.Random(2026))
    print(f"{CounsellingCase.objects.filter(usage_key=DESK).count():,} cases "
          f"(made in {time.perf_counter() - start:.0f} s)")
    where = {"user": viewer, "course_key": COURSE, "usage_key": DESK}
    draft = "Our carpentry workshop cannot find an apprentice tutor for the bakery module"
    measure("similar: draft text + 2 topics", lambda: api.similar_cases(**where, text=draft,
                                                                         topics=["topic-1", "topic-2"]), args.runs)
    measure("similar: draft text only", lambda: api.similar_cases(**where, text=draft), args.runs)
    measure("similar: topics only", lambda: api.similar_cases(**where, topics=["topic-3"]), args.runs)
    measure("queue: first page", lambda: api.list_cases(**where), args.runs)
    measure("queue: unanswered, topic", lambda: api.list_cases(**where, state="unanswered", topic="topic-4"),
            args.runs)
    measure("queue: sector + language", lambda: api.list_cases(**where, sector="ict", language="it"), args.runs)
    measure("queue: page 50", lambda: api.list_cases(**where, page=50), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
