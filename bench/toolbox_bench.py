"""
Benchmark of the toolbox library: list and search time, and query counts,
at 1,000, 10,000 and 100,000 resources.

Runs on a throw-away test database (MariaDB with ``VETNET_TEST_DB=mysql``, as
``make bench`` does; SQLite otherwise) and prints a table: median time of
each request over several runs, the number of queries it made, and the ratio
of its time to the time at the smallest size. Query counts must not grow.

    VETNET_TEST_DB=mysql .venv/bin/python bench/toolbox_bench.py [--sizes 1000,10000,100000]
"""
import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "conf"), str(REPO)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.test_settings")

import django  # noqa: E402  pylint: disable=wrong-import-position

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402  pylint: disable=wrong-import-position
from django.db import connection  # noqa: E402  pylint: disable=wrong-import-position
from django.test.utils import (  # noqa: E402  pylint: disable=wrong-import-position
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)

from vetnet_plugin import api  # noqa: E402  pylint: disable=wrong-import-position
from vetnet_plugin.models import Resource, ResourceAttribute  # noqa: E402  pylint: disable=wrong-import-position
from vetnet_plugin.core.taxonomy import SECTOR_CODES  # noqa: E402  pylint: disable=wrong-import-position
from vetnet_plugin.toolbox.vocabulary import (  # noqa: E402  pylint: disable=wrong-import-position
    LICENCE_CODES,
    RESOURCE_TYPE_CODES,
    TARGET_GROUP_CODES,
)

COURSES = ["course-v1:VETNet+CoVP+2026", "course-v1:VETNet+Crafts+2026", "course-v1:VETNet+Policy+2026"]
COUNTRIES = ["IT", "EL", "ES", "DE", "FR", "PT", "AT", "PL"]
LANGUAGES = ["it", "el", "es", "ca", "de", "fr", "en", "pt"]
WORDS = ("apprenticeship workshop welding carpentry bakery digital green insulation tutor mentoring "
         "simulator curriculum assessment validation mobility guidance inclusion robotics tourism care").split()
REQUESTS = {
    "list newest": dict(sort="newest"),
    "list best rated": dict(sort="best_rated"),
    "search one word": dict(filters=api.ResourceFilters(search="welding")),
    "search + 2 filters": dict(filters=api.ResourceFilters(search="digital", eqf_level="4", country="IT"),
                               sort="most_adopted"),
    "filter sector, page 5": dict(filters=api.ResourceFilters(sector="construction"), page=5),
}


def _resources(start: int, count: int, rng: random.Random, author_id: int):
    sectors, types, licences, groups = (sorted(SECTOR_CODES), sorted(RESOURCE_TYPE_CODES), sorted(LICENCE_CODES),
                                        sorted(TARGET_GROUP_CODES))
    for n in range(start, start + count):
        words = rng.sample(WORDS, 4)
        title = f"{words[0].title()} {words[1]} resource {n}"
        description = f"How {words[2]} and {words[3]} work in VET, case {n}."
        tags = rng.sample(WORDS, 2)
        resource = Resource(
            course_key=rng.choice(COURSES), author_id=author_id, status=Resource.PUBLISHED,
            in_community_library=rng.random() < 0.8, title=title, description=description,
            resource_type=rng.choice(types), country=rng.choice(COUNTRIES), target_group=rng.choice(groups),
            licence=rng.choice(licences), search_text="\n".join([title, description, " ".join(tags)]).lower(),
            rating_count=rng.randint(0, 20), rating_average=round(rng.uniform(0, 5), 2),
            adoption_count=rng.randint(0, 30),
        )
        attributes = [(ResourceAttribute.SECTOR, s) for s in rng.sample(sectors, rng.randint(1, 3))]
        attributes += [(ResourceAttribute.EQF_LEVEL, str(level)) for level in rng.sample(range(1, 9), 2)]
        attributes += [(ResourceAttribute.LANGUAGE, lang) for lang in rng.sample(LANGUAGES, rng.randint(1, 2))]
        attributes += [(ResourceAttribute.TAG, tag) for tag in tags]
        yield resource, attributes


def grow_library(target: int, rng: random.Random, author_id: int) -> None:
    """Insert resources in batches until the library holds ``target``."""
    have = Resource.objects.count()
    batch = 2000
    while have < target:
        size = min(batch, target - have)
        pairs = list(_resources(have, size, rng, author_id))
        created = Resource.objects.bulk_create([resource for resource, _attrs in pairs])
        if created[0].pk is None:  # backends that do not return ids
            created = list(Resource.objects.order_by("-id")[:size])[::-1]
        ResourceAttribute.objects.bulk_create([
            ResourceAttribute(resource_id=resource.pk, kind=kind, value=value)
            for resource, (_r, attributes) in zip(created, pairs) for kind, value in attributes
        ], batch_size=5000)
        have += size


def measure(user, runs: int) -> dict:
    context = api.ToolboxContext(course_key=COURSES[0], scope="both")
    results = {}
    for name, kwargs in REQUESTS.items():
        times = []
        queries = 0
        for _n in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                page = api.list_resources(user=user, context=context, **kwargs)
                times.append(time.perf_counter() - started)
            queries = len(captured)
        results[name] = (statistics.median(times), queries, page.count)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="Print each query's time at the largest size.")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        user = get_user_model().objects.create(username="bench-member", is_active=True)
        api.record_enrollment(user_id=user.id, course_key=COURSES[0])
        rng = random.Random(2026)
        table = {}
        for size in sizes:
            started = time.perf_counter()
            grow_library(size, rng, user.id)
            print(f"{connection.vendor}: {size:,} resources ready in {time.perf_counter() - started:.1f}s",
                  file=sys.stderr)
            table[size] = measure(user, args.runs)
        print_table(table, sizes, connection.vendor)
        if args.profile:
            profile(user)
        counts = {name: {table[size][name][1] for size in sizes} for name in REQUESTS}
        growing = [name for name, seen in counts.items() if len(seen) > 1]
        if growing:
            print(f"\nQuery counts grew with the library for: {', '.join(growing)}")
            return 1
        return 0
    finally:
        teardown_databases(old_config, verbosity=0)


def profile(user) -> None:
    """Each query of each request with its time: where the time goes."""
    context = api.ToolboxContext(course_key=COURSES[0], scope="both")
    for name, kwargs in REQUESTS.items():
        with CaptureQueriesContext(connection) as captured:
            api.list_resources(user=user, context=context, **kwargs)
        print(f"\n{name}")
        for query in captured.captured_queries:
            print(f"  {float(query['time']) * 1000:8.1f} ms  {query['sql'][:150]}")


def print_table(table, sizes, vendor) -> None:
    print(f"\nToolbox library on {vendor}: median of runs, page of 20, facets included")
    header = f"{'request':24}" + "".join(f"{f'{size:,} res.':>22}" for size in sizes)
    print(header)
    print("-" * len(header))
    for name in REQUESTS:
        base = table[sizes[0]][name][0]
        cells = []
        for size in sizes:
            seconds, queries, matched = table[size][name]
            cells.append(f"{seconds * 1000:8.1f} ms {queries:2d}q x{seconds / base:5.1f}")
        print(f"{name:24}" + "".join(f"{cell:>22}" for cell in cells))
    print("(q: queries per request; x: time relative to the smallest library)")


if __name__ == "__main__":
    sys.exit(main())
