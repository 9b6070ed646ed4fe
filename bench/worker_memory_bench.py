"""
Peak memory of a Celery worker running the discussion digest task over many followers.

At each size, N members (``bench.data.authors``) each follow two of 20
threads that hold new posts; every follow is made due, then a fresh Python
process (as a worker's child process would) runs the
``vetnet.send_discussion_digests`` task through Celery (``apply``) and
reports its own peak resident set (``VmHWM``) before and after, the time and
the e-mails sent (Django's dummy e-mail backend: built and rendered, not
kept). The task's memory should stay flat as N grows.

    VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=test_vetnet_bench_scale_worker \\
        .venv/bin/python bench/worker_memory_bench.py [--sizes 1000,10000] [--keep]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "conf"), str(REPO)]
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django

django.setup()

from django.conf import settings
from django.db import connection
from django.test.utils import setup_databases, setup_test_environment
from django.utils import timezone

THREADS = 20
POSTS_PER_THREAD = 5
FOLLOWS_EACH = 2


def _memory_kb(field: str) -> int:
    """
    This process's own peak resident set (``VmHWM``, Linux), in kB. Not ``ru_maxrss``:
    Linux carries that over from the parent through ``fork`` and ``exec``, so a child of a
    large parent would report the parent's size and hide its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child() -> int:
    """Run the digest task once in this process; print its peak memory and time as JSON."""
    settings.DATABASES["default"]["NAME"] = os.environ["VETNET_BENCH_WORKER_DB"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    settings.VETNET_DIGEST_INTERVAL_HOURS = 1
    from vetnet_plugin.tasks import send_discussion_digests  # pylint: disable=import-outside-toplevel

    connection.ensure_connection()
    before = _memory_kb("VmHWM")
    started = time.perf_counter()
    sent = send_discussion_digests.apply().get()
    elapsed = time.perf_counter() - started
    after = _memory_kb("VmHWM")
    print(json.dumps({"sent": sent, "seconds": elapsed, "rss_before_kb": before, "rss_peak_kb": after}))
    return 0


def _threads(staff):
    from bench import data  # pylint: disable=import-outside-toplevel
    from vetnet_plugin.models import Post, Thread  # pylint: disable=import-outside-toplevel

    have = list(Thread.objects.filter(usage_key__startswith="bench-digest-").order_by("pk"))
    if have:
        return have
    threads = [Thread.objects.create(course_key=data.COURSE, usage_key=f"bench-digest-{n}", target=f"digest-{n}",
                                     title=f"Digest thread {n}") for n in range(THREADS)]
    posts = [Post(thread=t, author=staff, body=f"News {n} in {t.title}: " + "A paragraph of news. " * 20,
                  body_html="<p>News.</p>", language="en")
             for t in threads for n in range(POSTS_PER_THREAD)]
    Post.objects.bulk_create(posts)
    return threads


def _follows(user_ids, threads, rng):
    from vetnet_plugin.models import Follow  # pylint: disable=import-outside-toplevel

    followed = set(Follow.objects.filter(thread__in=threads).values_list("user_id", flat=True))
    long_ago = timezone.now() - timedelta(days=30)
    Follow.objects.bulk_create([
        Follow(user_id=uid, thread=thread, email_digest=True, digest_since=long_ago)
        for uid in user_ids if uid not in followed for thread in rng.sample(threads, FOLLOWS_EACH)
    ], batch_size=5000)
    # Everyone due again (the task moves ``digest_since`` to now), the posts newer than that.
    Follow.objects.filter(thread__in=threads).update(digest_since=long_ago)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child()
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from bench import data  # pylint: disable=import-outside-toplevel

    setup_test_environment(debug=False)
    setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    rng = random.Random(2026)
    staff, _created = get_user_model().objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
    threads = _threads(staff)
    print(f"# Digest task memory on {connection.vendor}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
          f"{THREADS} threads of {POSTS_PER_THREAD} new posts, {FOLLOWS_EACH} follows per member")
    print("| followers (members) | e-mails | seconds | RSS before task MB | peak RSS MB | task's growth MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        user_ids = data.authors(size, rng)
        _follows(user_ids, threads, rng)
        env = dict(os.environ, VETNET_BENCH_WORKER_DB=settings.DATABASES["default"]["NAME"])
        result = subprocess.run([sys.executable, __file__, "--child"], env=env, capture_output=True, text=True,
                                check=True)
        row = json.loads(result.stdout.strip().splitlines()[-1])
        before, peak = row["rss_before_kb"] / 1024, row["rss_peak_kb"] / 1024
        print(f"| {size:,} | {row['sent']:,} | {row['seconds']:.1f} | {before:.0f} | {peak:.0f} | "
              f"{peak - before:.0f} |")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
