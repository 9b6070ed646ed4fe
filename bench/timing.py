"""One way every bench script times a call: warmed up, p50 and p95 over the runs, and the queries of one more call."""
import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def timed(call, runs: int) -> tuple[float, float, int]:
    """(p50 ms, p95 ms, queries) of ``call()``: two warm-up calls, ``runs`` timed ones, one counted."""
    for _ in range(2):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        call()
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, len(captured.captured_queries)


def measure(label: str, call, runs: int) -> tuple[float, float, int]:
    """``timed``, printed as one line of the bench's table."""
    median, p95, queries = timed(call, runs)
    print(f"  {label:<44} p50 {median:7.1f} ms   p95 {p95:7.1f} ms   queries {queries}")
    return median, p95, queries
