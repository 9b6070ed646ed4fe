"""
Benchmark of a workspace's shared document as its history grows: opening it
and saving into it (from the latest and from a stale revision) after 10, 1,000
and 10,000 saved edits. Both must stay flat: the document row holds the
current text, a save reads at most its base revision (one snapshot and at most
49 deltas), nothing replays the whole history (ADR 0010). It also reports
what the revisions store per revision: every 50th a whole snapshot, the
others a delta, against the whole text each row held before.

Runs on a throw-away test database (MariaDB with ``VETNET_TEST_DB=mysql``;
SQLite otherwise). The history is written as rows in bulk (the same rows
10,000 saves leave behind), then the API is timed. With ``--write-results``
it puts its table into ``bench/RESULTS.md`` under its own heading.

    VETNET_TEST_DB=mysql .venv/bin/python bench/document_bench.py [--sizes 10,1000,10000] [--runs 30]
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "conf"), str(REPO)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.test_settings")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, setup_test_environment, teardown_databases  # noqa: E402,E501

from bench.results import write_section  # noqa: E402

BEGIN, END = "<!-- document bench -->", "<!-- /document bench -->"
COURSE_KEY = "course-v1:VETNet+Bench+2026"
USAGE_KEY = "block-v1:VETNet+Bench+2026+type@vetnet_workspace+block@bench"
LINES = 60  # a document of about two pages


def _history(document_model, revision_model, document, author, size: int) -> None:
    """``size`` saved edits, each adding to one line of the text, as the saves would have stored them."""
    # pylint: disable=import-outside-toplevel
    from vetnet_plugin.workspaces.history import stored_fields

    previous = document.text
    lines = previous.splitlines(keepends=True) or [f"Line {n}: the module's outline, unit by unit.\n"
                                                   for n in range(LINES)]
    rows = []
    for number in range(document.revision + 1, document.revision + size + 1):
        lines[number % LINES] = lines[number % LINES].rstrip("\n") + f" e{number}\n"
        text = "".join(lines)
        rows.append(revision_model(document=document, number=number, author=author, base=number - 1,
                                   **stored_fields(number, previous, text)))
        previous = text
        if len(rows) == 100:  # a batch well inside the server's max_allowed_packet
            revision_model.objects.bulk_create(rows)
            rows = []
    revision_model.objects.bulk_create(rows)
    document_model.objects.filter(pk=document.pk).update(text="".join(lines), revision=document.revision + size)


def _timed(action, runs: int) -> tuple[float, float, int]:
    times = []
    with CaptureQueriesContext(connection) as captured:
        action()
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(captured)


def _storage(revision_model, document_model, workspace_uuid) -> tuple[float, float]:
    """Characters stored per revision (text and delta), and the document's current length (what each row held before)."""
    # pylint: disable=import-outside-toplevel
    from django.db.models import Avg
    from django.db.models.functions import Length

    rows = revision_model.objects.filter(document__workspace__uuid=workspace_uuid)
    stored = rows.aggregate(average=Avg(Length("text") + Length("delta")))["average"] or 0
    return stored, len(document_model.objects.get(workspace__uuid=workspace_uuid).text)


def run(sizes: list[int], runs: int) -> str:
    # pylint: disable=import-outside-toplevel
    from tests.factories import UserFactory, enroll
    from vetnet_plugin import api
    from vetnet_plugin.models import DocumentRevision, WorkspaceDocument
    from vetnet_plugin.workspaces.history import revision_text

    api.configure_workspace_themes(course_key=COURSE_KEY, usage_key=USAGE_KEY, themes=[
        {"key": "bench", "title": "Bench", "max_size": 10, "join_rule": "open"}])
    author, colleague = UserFactory(), UserFactory()
    enroll(author, COURSE_KEY)
    rows = ["edits    open median/p95 ms  queries   save (latest) median/p95 ms  save (stale) median/p95 ms  queries"
            "   stored chars/revision  (whole text)"]
    done = 0
    workspace = api.create_workspace(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY, theme_key="bench",
                                     title="Bench")
    where = {"user": author, "course_key": COURSE_KEY, "workspace_uuid": workspace.uuid}
    counter = iter(range(10 ** 9))
    for size in sizes:
        document = WorkspaceDocument.objects.get(workspace__uuid=workspace.uuid)
        _history(WorkspaceDocument, DocumentRevision, document, colleague, size - done)
        done = size

        def save_latest():
            latest = api.get_document(**where)
            api.save_document(**where, base_revision=latest.revision, text=latest.text + f"note {next(counter)}\n")

        def save_stale():
            latest = api.latest_revision(**where)
            old = max(1, latest - 500)
            text = revision_text(WorkspaceDocument.objects.get(workspace__uuid=workspace.uuid), old)
            api.save_document(**where, base_revision=old, text=f"stale note {next(counter)}\n" + text)

        open_median, open_p95, open_queries = _timed(lambda: api.get_document(**where), runs)
        latest_median, latest_p95, _q = _timed(save_latest, runs)
        stale_median, stale_p95, save_queries = _timed(save_stale, runs)
        done = api.latest_revision(**where)
        stored, whole = _storage(DocumentRevision, WorkspaceDocument, workspace.uuid)
        rows.append(f"{size:>6}    {open_median:6.1f} / {open_p95:6.1f}     {open_queries:>5}     "
                    f"{latest_median:6.1f} / {latest_p95:6.1f}              {stale_median:6.1f} / {stale_p95:6.1f}"
                    f"             {save_queries:>5}   {stored:>21.0f}  ({whole:>10,})")
    return f"{connection.vendor}, {runs} runs per figure\n" + "\n".join(rows)


def write_results(table: str) -> None:
    section = (
        "## Shared documents with a long history (`bench/document_bench.py`)\n\n"
        "Opening a workspace document and saving into it, from the latest revision and from one 500 revisions "
        "old, after 10 to 10,000 saved edits (ADR 0010), on the project's 2-core machine with other work beside "
        "it. A stale save's time includes the merge and rebuilding its base (one snapshot and at most 49 "
        "deltas). Stored characters per revision: the mean of each revision row's text and delta (every 50th row "
        "a whole snapshot, the others a delta from the revision before); in brackets the document's length, "
        "which each row stored whole before.\n\n"
        f"```\n{table}\n```\n"
    )
    write_section(BEGIN, END, section)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--write-results", action="store_true", help="Put the table into bench/RESULTS.md.")
    options = parser.parse_args()
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        table = run([int(size) for size in options.sizes.split(",")], options.runs)
    finally:
        connections.close_all()
        teardown_databases(databases, verbosity=0)
    print(table)
    if options.write_results:
        write_results(table)


if __name__ == "__main__":
    main()
