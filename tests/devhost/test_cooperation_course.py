"""The second course template: "Cooperation: best practices and partnerships", graded, with certificates."""
import json
from collections import Counter
from pathlib import Path

import pytest

from devhost import olx
from devhost.outline import build_outline
from vetnet_plugin import api

from .conftest import runtime_for

pytestmark = pytest.mark.django_db

TEMPLATE_DIR = Path(olx.templates_dir()) / "cooperation-best-practices"
TOPICS = ["Labour-market-driven VET", "Innovative didactic models and technologies",
          "Competences of trainers, teachers and VET professionals", "Effective use of European funding instruments"]


@pytest.fixture
def cooperation_course(db):  # pylint: disable=unused-argument
    return olx.load_course(TEMPLATE_DIR)


def test_one_chapter_per_strategic_topic_each_with_reading_and_a_graded_assignment(cooperation_course):
    outline = build_outline(runtime_for(cooperation_course))

    assert cooperation_course.course_key == "course-v1:VETNet+Coop+2026"
    assert outline.title == "Cooperation: best practices and partnerships"
    assert [chapter.display_name for chapter in outline.chapters] == ["How this course works", *TOPICS]
    course = olx.read_course(TEMPLATE_DIR)
    graded = course.root.findall(".//sequential[@graded='true']")
    assert len(graded) == 4 and {s.get("format") for s in graded} == {"Best practice"}
    assert not olx.missing_advanced_modules(course)


def test_each_topic_teaches_real_text_before_its_assignment():
    for name in ("labour_market", "didactics", "competences", "funding"):
        text = (TEMPLATE_DIR / "html" / f"coop_{name}_text.html").read_text(encoding="utf-8")
        assert len(text.split()) > 150, name
        assert "What a good practice on this topic shows" in text


def test_every_assignment_has_a_rubric_and_topic_the_track_accepts(cooperation_course):
    course = olx.read_course(TEMPLATE_DIR)
    blocks = course.root.findall(".//vetnet_best_practice")
    assert len(blocks) == 4
    topic_codes = {code for code, _label in api.TOPICS}
    for node in blocks:
        assert node.get("topic") in topic_codes
        criteria = json.loads(node.get("rubric"))
        api.check_best_practice(sections=[{"key": "context", "label": "Context"}], criteria=criteria)
        assert int(node.get("reviews_required")) == 3 and node.get("anonymous") == "true"


def test_grading_policy_and_certificates_are_set():
    grading = json.loads((TEMPLATE_DIR / "policies" / "2026" / "grading_policy.json").read_text())
    policy = json.loads((TEMPLATE_DIR / "policies" / "2026" / "policy.json").read_text())["course/2026"]
    assert grading["GRADER"] == [{"type": "Best practice", "short_label": "BP", "min_count": 4, "drop_count": 0,
                                  "weight": 1.0}]
    assert grading["GRADE_CUTOFFS"] == {"Pass": 0.6}
    assert policy["cert_html_view_enabled"] is True
    assert "vetnet_best_practice" in policy["advanced_modules"]


def test_url_names_are_unique_across_the_course():
    # Every definition (a file per element, or a block defined inline in its unit) has its own url_name.
    names = Counter()
    for folder in ("chapter", "sequential", "vertical", "html"):
        names.update(path.stem for path in (TEMPLATE_DIR / folder).glob("*.xml"))
    root = olx.read_course(TEMPLATE_DIR).root
    names.update(node.get("url_name") for node in root.iter("vetnet_best_practice", "vetnet_partnership"))
    assert [name for name, count in names.items() if count > 1] == []
    assert len(names) == 5 + 10 + 10 + 5 + 4 + 1
