"""OLX: the course template imports as Studio would take it, and blocks survive export and import."""
import json
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from devhost import olx
from devhost.outline import build_outline
from devhost.runtime import HostRuntime

from .conftest import PROBE_TYPE, probe_key, runtime_for

pytestmark = pytest.mark.django_db

TEMPLATE_DIR = Path(olx.templates_dir()) / "community-of-vet-practices"
VETNET_BLOCKS = {
    "vetnet_scenarios", "vetnet_counselling", "vetnet_toolbox",
    "vetnet_workspace", "vetnet_best_practice", "vetnet_partnership",
}


def _types_in(runtime, usage_key):
    block = runtime.get_block(usage_key)
    types = {usage_key.block_type}
    for child in getattr(block, "children", []):
        types |= _types_in(runtime, child)
    return types


def test_the_template_has_one_chapter_per_learning_phase(template_course):
    outline = build_outline(runtime_for(template_course))

    assert template_course.course_key == "course-v1:VETNet+CoVP+2026"
    assert outline.title == "Community of VET Practices"
    assert [chapter.display_name for chapter in outline.chapters] == [
        "Communication", "Sharing", "Collaboration", "Cooperation",
    ]


def test_the_vetnet_blocks_sit_in_their_phases(template_course):
    runtime = runtime_for(template_course)
    outline = build_outline(runtime)
    blocks_by_phase = {
        chapter.display_name: _types_in(runtime, chapter.usage_key) & VETNET_BLOCKS for chapter in outline.chapters
    }

    assert blocks_by_phase == {
        "Communication": {"vetnet_scenarios", "vetnet_counselling"},
        "Sharing": {"vetnet_toolbox"},
        "Collaboration": {"vetnet_workspace"},
        "Cooperation": {"vetnet_best_practice", "vetnet_partnership"},
    }


def test_every_phase_opens_with_introductory_html(template_course):
    runtime = runtime_for(template_course)
    for chapter in build_outline(runtime).chapters:
        first_unit = runtime.get_block(chapter.children[0].children[0].usage_key)
        first = runtime.get_block(first_unit.children[0])
        assert first.scope_ids.block_type == "html", chapter.display_name
        assert "<h2>" in first.data


def test_the_template_enables_all_six_blocks_in_its_policy():
    course = olx.read_course(TEMPLATE_DIR)
    policy = json.loads((TEMPLATE_DIR / "policies" / "2026" / "policy.json").read_text())

    assert set(policy["course/2026"]["advanced_modules"]) == VETNET_BLOCKS
    assert olx.missing_advanced_modules(course) == []


def test_the_template_uses_only_studio_layout_files():
    # Studio reads these folders; anything else would be silently ignored on import.
    allowed = {"course.xml", "course", "chapter", "sequential", "vertical", "html", "policies", "about", "static"}
    assert {path.name for path in TEMPLATE_DIR.iterdir()} <= allowed
    for path in TEMPLATE_DIR.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


def test_a_course_without_its_blocks_enabled_is_refused(probe_course_dir):
    (probe_course_dir / "policies" / "2026" / "policy.json").write_text('{"course/2026": {}}')

    with pytest.raises(olx.OlxError, match=PROBE_TYPE):
        olx.load_course(probe_course_dir)


def test_reloading_replaces_authored_content_and_keeps_learner_work(probe_course, probe_course_dir, learner):
    block = runtime_for(probe_course, learner).get_block(probe_key(probe_course))
    block.answer = "yes"
    block.save()
    vertical = probe_course_dir / "vertical" / "unit.xml"
    vertical.write_text(vertical.read_text().replace("First title", "Second title"))

    olx.load_course(probe_course_dir)

    reloaded = runtime_for(probe_course, learner).get_block(probe_key(probe_course))
    assert reloaded.title == "Second title"
    assert reloaded.answer == "yes"


def _import_into_other_course(exported):
    other = HostRuntime(course_key="course-v1:VETNet+Copy+2026", user=AnonymousUser(), studio=True)
    usage_key = olx.import_block(exported, other)
    return usage_key, other.get_block(usage_key)


def test_a_block_edited_in_studio_survives_export_and_import(probe_course, trainer):
    studio = runtime_for(probe_course, trainer, studio=True)
    block = studio.get_block(probe_key(probe_course))
    block.title = "Edited <in> Studio & exported"
    block.display_name = "Renamed"
    block.save()

    usage_key, copy = _import_into_other_course(olx.export_block(block))

    assert str(usage_key) == "block-v1:VETNet+Copy+2026+type@devhost_probe+block@probe"
    assert (copy.title, copy.display_name) == ("Edited <in> Studio & exported", "Renamed")


@pytest.mark.parametrize("block_type, url_name", [
    ("vetnet_toolbox", "sharing_toolbox"),
    ("vetnet_best_practice", "cooperation_best_practice"),
])
def test_vetnet_blocks_of_the_template_survive_export_and_import(template_course, block_type, url_name):
    studio = runtime_for(template_course, studio=True)
    block = studio.get_block(studio.course_key.make_usage_key(block_type, url_name))

    _usage_key, copy = _import_into_other_course(olx.export_block(block))

    for name in ("display_name", "title", "instructions"):
        assert getattr(copy, name) == getattr(block, name), name
    assert block.instructions.strip()


def test_course_archive_is_what_studio_imports(tmp_path):
    repo = Path(olx.templates_dir()).parent
    subprocess.run(["make", "-s", "course-archive"], cwd=repo, check=True, capture_output=True)

    with tarfile.open(repo / "dist" / "community-of-vet-practices.tar.gz") as archive:
        names = set(archive.getnames())
        archive.extractall(tmp_path, filter="data")

    assert {"course/course.xml", "course/course/2026.xml", "course/policies/2026/policy.json"} <= names
    assert all(name == "course" or name.startswith("course/") for name in names)
    assert olx.read_course(tmp_path / "course").course_key == olx.read_course(TEMPLATE_DIR).course_key
