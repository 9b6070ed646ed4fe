"""
The embedded SQLite default serves a handful of people writing at once.

The development host's own settings, on a database file, as ``make demo``
runs it: members who vote, flag, review and adopt at the same moment all
succeed, and every counter equals the rows it counts.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

REPO_ROOT = Path(__file__).resolve().parents[2]
WRITERS = 8


def test_the_host_configures_sqlite_for_several_writers():
    from devhost import settings as host_settings  # pylint: disable=import-outside-toplevel

    options = host_settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
    assert settings.DATABASES  # the test settings themselves keep their own database


def test_members_writing_at_the_same_moment_on_the_host_sqlite_file_all_succeed(tmp_path):
    environment = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "devhost.settings", "VETNET_VAR_DIR": str(tmp_path),
        "VETNET_SQLITE_PATH": str(tmp_path / "devhost.sqlite3"), "VETNET_CELERY_EAGER": "1",
        "VETNET_CELERY_BROKER": "memory://", "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "conf"), str(REPO_ROOT)]),
    }
    finished = subprocess.run(
        [sys.executable, "-m", "tests.devhost.sqlite_writers", str(WRITERS)], cwd=REPO_ROOT, env=environment,
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    result = json.loads(finished.stdout.strip().splitlines()[-1])

    assert len(result["statuses"]) == 4 * WRITERS
    assert all(200 <= status < 300 for status in result["statuses"]), (result["statuses"], result["errors"])
    for counted in ("votes", "flags", "reviews", "adoptions"):
        assert result[counted] == [WRITERS, WRITERS], (counted, result[counted])
    assert result["journal_mode"] == "wal"
