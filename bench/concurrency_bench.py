"""
Benchmark of concurrent writes to one object: 50 members voting for the same
post at the same moment through the REST API.

Runs on a throw-away test database (MariaDB with ``VETNET_TEST_DB=mysql``;
SQLite otherwise). Each member is a thread with its own database connection;
all are released together. Prints, per round and overall, how many requests
succeeded, throughput (requests per second of wall time) and the median and
95th-percentile latency, and how many transactions met a lock and ran again.
With ``--write-results`` it puts its table into ``bench/RESULTS.md`` under
its own heading, leaving the rest of that file alone.

    VETNET_TEST_DB=mysql .venv/bin/python bench/concurrency_bench.py [--writers 50] [--rounds 5]
"""
import argparse
import logging
import os
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "conf"), str(REPO)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.test_settings")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from rest_framework.test import APIClient  # noqa: E402

from bench.results import write_section  # noqa: E402
from tests.factories import COURSE_KEY, member  # noqa: E402
from tests.vetnet_plugin.communication_helpers import (  # noqa: E402
    configure_forum,
    scenario_thread,
)
from vetnet_plugin import api  # noqa: E402
from vetnet_plugin.discussions.models import Post  # noqa: E402

BEGIN, END = "<!-- concurrency_bench: begin -->", "<!-- concurrency_bench: end -->"


class _RetryCounter(logging.Handler):
    """Counts the transactions ``core.transactions`` ran again after a lock."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record):
        self.count += 1


def one_round(voters, post_id) -> tuple[list[int], list[float], float]:
    start = threading.Barrier(len(voters) + 1)
    statuses: list[int] = []
    latencies: list[float] = []

    def vote(user):
        client = APIClient()
        client.force_authenticate(user)
        try:
            start.wait()
            began = time.perf_counter()
            response = client.put(f"/api/vetnet/v1/courses/{COURSE_KEY}/posts/{post_id}/vote/")
            latencies.append(time.perf_counter() - began)
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(user,)) for user in voters]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return statuses, latencies, time.perf_counter() - began


def percentile(values, fraction) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(writers: int, rounds: int) -> str:
    retries = _RetryCounter()
    logging.getLogger("vetnet_plugin.core.transactions").addHandler(retries)
    logging.getLogger("vetnet_plugin.core.transactions").setLevel(logging.INFO)
    configure_forum()
    author = member()
    thread_id = scenario_thread(author)
    voters = [member() for _ in range(writers)]
    server = "SQLite"
    if connection.vendor == "mysql":
        name = "MariaDB" if connection.mysql_is_mariadb else "MySQL"
        server = f"{name} {'.'.join(map(str, connection.mysql_version))}"
    lines = [
        f"{writers} concurrent votes for one post through the REST API, on {server}",
        f"{'round':<8}{'ok':>8}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'retries':>9}{'count':>7}",
        "-" * 72,
    ]
    all_latencies, all_ok, wall = [], 0, 0.0
    for number in range(1, rounds + 1):
        post = api.create_post(user=author, course_key=COURSE_KEY, thread_id=thread_id, body=f"Round {number}.")
        connections.close_all()
        before = retries.count
        statuses, latencies, elapsed = one_round(voters, post.id)
        ok = sum(1 for status in statuses if 200 <= status < 300)
        count = Post.objects.get(uuid=post.id).vote_count
        all_latencies += latencies
        all_ok += ok
        wall += elapsed
        lines.append(
            f"{number:<8}{f'{ok}/{len(statuses)}':>8}{len(statuses) / elapsed:>10.1f}"
            f"{statistics.median(latencies) * 1000:>10.0f}{percentile(latencies, 0.95) * 1000:>10.0f}"
            f"{max(latencies) * 1000:>10.0f}{retries.count - before:>9}{count:>7}"
        )
    lines += [
        "-" * 72,
        (f"{'all':<8}{f'{all_ok}/{writers * rounds}':>8}{writers * rounds / wall:>10.1f}"
         f"{statistics.median(all_latencies) * 1000:>10.0f}{percentile(all_latencies, 0.95) * 1000:>10.0f}"
         f"{max(all_latencies) * 1000:>10.0f}{retries.count:>9}"),
        ("(ok: 2xx answers; req/s: requests over the round's wall time; retries: transactions run again"
         " after a lock; count: the post's vote count after the round; one process, so Python's GIL shares"
         " two cores among the requests)"),
    ]
    return "\n".join(lines)


def write_results(table: str) -> None:
    section = (
        "## Concurrent votes (`bench/concurrency_bench.py`)\n\n"
        "`bench/concurrency_bench.py` on the project's 2-core machine, while other work ran beside it: "
        "every voter a thread with its own connection, all released at once. Writes lock the post first "
        "and retry a transaction that meets a deadlock or a lock timeout\n"
        "(`vetnet_plugin/core/transactions.py`).\n\n"
        f"```\n{table}\n```\n"
    )
    write_section(BEGIN, END, section)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write-results", action="store_true", help="Put the table into bench/RESULTS.md.")
    options = parser.parse_args()
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        table = run(options.writers, options.rounds)
    finally:
        connections.close_all()
        teardown_databases(databases, verbosity=0)
    print(table)
    if options.write_results:
        write_results(table)


if __name__ == "__main__":
    main()
