"""
Counselling routing at scale: finding the members to tell about a new case
(``members.api.find_counsellors``, the heart of ``vetnet.route_counselling_case``)
in a community of up to 100,000 members on MariaDB, beside a bare indexed
query of one sector's profile rows in the same run.

Members are generated once (``bulk_create``), every one enrolled in the
course: one in three willing to counsel; a sector, one or two topics and one or
two languages each from the community's vocabularies; a country out of ten.
For each size it prints p50 and p95 over ``--runs`` runs, the queries made,
and the ratio of the p95 to the bare query's p95.

    VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=test_vetnet_routing_bench \\
        .venv/bin/python bench/routing_bench.py [--sizes 1000,10000,100000] [--runs 30] [--keep] [--write-results]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "conf"), str(REPO)]
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.results import write_section
from bench.timing import timed  # noqa: E402
from vetnet_plugin import api  # noqa: E402
from vetnet_plugin.core.keys import parse_course_key  # noqa: E402
from vetnet_plugin.core.taxonomy import SECTOR_CODES, TOPIC_CODES  # noqa: E402
from vetnet_plugin.models import CourseMembership, MemberProfile, ProfileAttribute  # noqa: E402

COURSE = "course-v1:VETNet+Routing+2026"
COUNTRIES = ("IT", "GR", "ES", "DE", "FR", "PT", "PL", "RO", "AT", "NL")
LANGUAGES = ("en", "it", "el", "es", "de", "fr")
BEGIN, END = "<!-- routing_bench: begin -->", "<!-- routing_bench: end -->"


def grow(total: int, rng: random.Random) -> None:
    User = get_user_model()
    key = parse_course_key(COURSE)
    have = CourseMembership.objects.filter(course_key=key).count()
    sectors, topics = sorted(SECTOR_CODES), sorted(TOPIC_CODES)
    while have < total:
        count = min(5000, total - have)
        names, now = [f"routing-{have + n}" for n in range(count)], timezone.now()
        User.objects.bulk_create([User(username=name, email=f"{name}@example.org") for name in names])
        users = dict(User.objects.filter(username__in=names).values_list("username", "id"))
        CourseMembership.objects.bulk_create([CourseMembership(user_id=users[n], course_key=key, joined=now)
                                             for n in names])
        MemberProfile.objects.bulk_create([
            MemberProfile(user_id=users[n], country=rng.choice(COUNTRIES), open_to_counselling=rng.random() < 1 / 3)
            for n in names])
        profiles = dict(MemberProfile.objects.filter(user_id__in=users.values()).values_list("user_id", "id"))
        attributes = []
        for name in names:
            profile = profiles[users[name]]
            attributes.append(ProfileAttribute(profile_id=profile, kind="sector", value=rng.choice(sectors)))
            attributes += [ProfileAttribute(profile_id=profile, kind="topic", value=v)
                           for v in rng.sample(topics, rng.randint(1, 2))]
            attributes += [ProfileAttribute(profile_id=profile, kind="language", value=v)
                           for v in rng.sample(LANGUAGES, rng.randint(1, 2))]
        ProfileAttribute.objects.bulk_create(attributes)
        have += count



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database (and its data) for the next run.")
    parser.add_argument("--write-results", action="store_true", help="Put the table into bench/RESULTS.md.")
    args = parser.parse_args()
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    rng = random.Random(2026)
    sector, topics = sorted(SECTOR_CODES)[0], sorted(TOPIC_CODES)[:2]
    rows = ["members    find_counsellors p50 / p95 ms   queries   bare p95 ms   ratio"]
    for size in (int(s) for s in args.sizes.split(",")):
        start = time.perf_counter()
        grow(size, rng)
        print(f"{size:,} members (made in {time.perf_counter() - start:.0f} s)")
        median, p95, queries = timed(lambda: api.find_counsellors(
            course_key=COURSE, sectors=[sector], topics=topics, languages=["it"], countries=["IT"], limit=60),
            args.runs)
        _bare_median, bare_p95, _q = timed(lambda: list(ProfileAttribute.objects.filter(
            kind="sector", value=sector).values_list("profile_id", flat=True)[:60]), args.runs)
        row = (f"{size:>7}    {median:8.1f} / {p95:8.1f}              {queries:>5}      {bare_p95:8.1f}"
               f"   {p95 / max(bare_p95, 0.01):5.1f}x")
        print(row)
        rows.append(row)
    table = f"{connection.vendor}, {args.runs} runs per figure, load {os.getloadavg()[0]:.1f}\n" + "\n".join(rows)
    if args.write_results:
        write_section(BEGIN, END, (
            "## Counselling routing (`bench/routing_bench.py`)\n\n"
            "Finding the members to tell about a new case (sector, two topics, a language and a country; 60 "
            "candidates) in a community of that many members, one in three willing to counsel; beside it a bare "
            "indexed read of 60 profile rows of one sector. Each kind of match reads at most 2,000 rows along "
            "its index.\n\n"
            f"```\n{table}\n```\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
