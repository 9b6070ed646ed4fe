"""Revisions stored as deltas between periodic snapshots: every revision is rebuilt exactly, at bounded cost."""
import importlib
import random
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import COURSE_KEY
from vetnet_plugin import api
from vetnet_plugin.models import DocumentRevision, WorkspaceDocument
from vetnet_plugin.workspaces.history import SNAPSHOT_EVERY, apply_delta, make_delta, rebuilt_text, revision_text

from .workspace_helpers import configure, workspace_with_members

pytestmark = pytest.mark.django_db

WORDS = ["insulation", "windows", "heating", "", "# Unit", "- task", "ventilation", "solar", "a b c"]


def edited(rng, text):
    """``text`` with a few random line edits: insertions, deletions, replacements, at any place."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(lines))
        choice = rng.random()
        if choice < 0.4 or not lines:
            lines[at:at] = [f"{rng.choice(WORDS)} {rng.randint(0, 99)}\n" for _ in range(rng.randint(1, 3))]
        elif choice < 0.7:
            del lines[min(at, len(lines) - 1):min(at, len(lines) - 1) + rng.randint(1, 3)]
        else:
            lines[min(at, len(lines) - 1)] = f"{rng.choice(WORDS)} changed {rng.randint(0, 99)}\n"
    if rng.random() < 0.05:
        return ""
    return "".join(lines) or "restarted\n"


@pytest.mark.parametrize("seed", range(30))
def test_a_delta_rebuilds_exactly_the_text_it_was_made_for(seed):
    rng = random.Random(seed)
    text = "".join(f"line {n}\n" for n in range(rng.randint(0, 30)))
    for _ in range(20):
        new = edited(rng, text)
        if rng.random() < 0.2:  # lines repeated, and a last line without its end
            new = new + new + "tail"
        assert apply_delta(text, make_delta(text, new)) == new
        text = new


@pytest.fixture
def shared():
    configure()
    workspace, (ana, ben) = workspace_with_members(2)
    where = {"course_key": COURSE_KEY, "workspace_uuid": workspace.uuid}
    document = WorkspaceDocument.objects.get(workspace__uuid=workspace.uuid)
    return where, ana, ben, document


@pytest.mark.parametrize("seed", range(3))
def test_every_revision_is_rebuilt_as_it_was_saved_across_snapshots(shared, seed):
    where, ana, ben, document = shared
    rng = random.Random(seed)
    saved, text = {0: ""}, "# Module\n"
    for _ in range(2 * SNAPSHOT_EVERY + 15):
        text = edited(rng, text)
        result = api.save_document(user=rng.choice([ana, ben]), base_revision=max(saved), text=text, **where)
        if result.document.revision in saved:  # nothing changed: no revision
            continue
        saved[result.document.revision] = result.document.text
        text = result.document.text
    assert max(saved) > 2 * SNAPSHOT_EVERY
    document.refresh_from_db()
    rows = DocumentRevision.objects.filter(document=document)
    assert set(rows.filter(is_snapshot=True).values_list("number", flat=True)) == {1, 51, 101}
    assert not rows.filter(is_snapshot=False).exclude(text="").exists()  # only snapshots keep whole texts
    for number, expected in saved.items():
        assert revision_text(document, number) == expected, number
        if number:  # from the stored rows alone, the latest too
            assert rebuilt_text(document, number) == expected, number


def test_comparing_across_a_snapshot_boundary_shows_the_lines_changed_and_reads_one_query(shared):
    where, ana, _ben, document = shared
    texts = {}
    for number in range(1, SNAPSHOT_EVERY + 6):
        text = "".join(f"unit {n}\n" for n in range(number))
        texts[api.save_document(user=ana, base_revision=number - 1, text=text, **where).document.revision] = text
    comparison = api.compare_revisions(user=ana, older=SNAPSHOT_EVERY - 3, newer=SNAPSHOT_EVERY + 3, **where)
    assert [line.text for line in comparison.lines if line.kind == "added"] == [
        f"unit {n}" for n in range(SNAPSHOT_EVERY - 3, SNAPSHOT_EVERY + 3)]
    assert [line.text for line in comparison.lines if line.kind == "same"] == texts[47].splitlines()
    document.refresh_from_db()
    for number in (2, SNAPSHOT_EVERY, SNAPSHOT_EVERY + 3):
        with CaptureQueriesContext(connection) as captured:
            assert revision_text(document, number) == texts[number]
        assert len(captured) == 1


def test_a_save_from_a_base_before_the_last_snapshot_merges_and_loses_nothing(shared):
    where, ana, ben, _document = shared
    lines = [f"unit {n}: outline\n" for n in range(SNAPSHOT_EVERY + 10)]
    api.save_document(user=ana, base_revision=0, text="".join(lines[:1]), **where)
    for number in range(2, SNAPSHOT_EVERY + 10):
        api.save_document(user=ana, base_revision=number - 1, text="".join(lines[:number]), **where)
    stale = "".join(lines[:5]).replace("unit 2: outline", "unit 2: outline, with a site visit")
    result = api.save_document(user=ben, base_revision=5, text=stale, **where)
    assert result.merged and result.conflicts == 0
    assert result.document.text == "".join(lines[:SNAPSHOT_EVERY + 9]).replace(
        "unit 2: outline", "unit 2: outline, with a site visit")


def test_the_migration_turns_whole_texts_into_snapshots_and_deltas_and_back(shared):
    where, ana, _ben, document = shared
    texts = {}
    for number in range(1, SNAPSHOT_EVERY + 5):
        text = f"# Notes {number % 7}\n" + "".join(f"point {n}\n" for n in range(0, number, 3))
        saved = api.save_document(user=ana, base_revision=number - 1, text=text, **where).document
        texts[saved.revision] = saved.text
    for number, text in texts.items():  # as the revisions were stored before the migration
        DocumentRevision.objects.filter(document=document, number=number).update(is_snapshot=True, text=text,
                                                                                  delta="")
    migration = importlib.import_module("vetnet_plugin.migrations.0016_workspace_revisions")
    editor = SimpleNamespace(connection=connection)
    migration.to_snapshots_and_deltas(apps, editor)
    rows = DocumentRevision.objects.filter(document=document)
    assert list(rows.filter(is_snapshot=True).values_list("number", flat=True)) == [1, 51]
    document.refresh_from_db()
    assert {number: revision_text(document, number) for number in texts} == texts
    migration.to_whole_texts(apps, editor)
    assert dict(rows.values_list("number", "text")) == texts and not rows.filter(is_snapshot=False).exists()
