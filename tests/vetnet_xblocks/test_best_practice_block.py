"""The best-practice block: authoring in Studio and OLX, the learner's draft, reviews and grade, the staff view."""
import io
from urllib.parse import urlencode

import pytest
import webob
from django.test import Client
from django.urls import reverse
from lxml import etree

from vetnet_plugin.models import BestPractice, BestPracticeAssignment, RepositoryEntry
from vetnet_xblocks.best_practice.block import BestPracticeBlock

from .runtime import TRAINER, CourseRuntime, add_block, call_handler, lms_opt_attrs
from .scenarios_helpers import person

pytestmark = pytest.mark.django_db

OLX = """
<vetnet_best_practice title="Labour-market-driven VET" topic="labour_market_vet" reviews_required="1"
    reviews_to_give="1" anonymous="true" aggregation="mean" waiting_hours="48" weight="2.0"
    template_sections='[{"key": "context", "label": "Context", "prompt": "Where?", "required": true},
                        {"key": "partners", "label": "Partners", "prompt": "", "required": false}]'
    rubric='[{"key": "relevance", "label": "Relevance", "weight": 2, "description": "",
              "levels": [{"points": 0, "label": "No"}, {"points": 4, "label": "Yes"}]}]'/>
"""


def export(runtime, block) -> bytes:
    buffer = io.BytesIO()
    runtime.export_to_xml(block, buffer)
    return buffer.getvalue()


@pytest.fixture
def track():
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    return runtime, add_block(runtime, "vetnet_best_practice", OLX)


def _handler(who, block, name, payload=None, method="POST"):
    return call_handler(who.runtime, who.block(block), name, payload or {}, method=method)


def test_everything_the_trainer_authors_survives_olx_export_and_import(track):
    runtime, block = track
    assert block.template_sections[1] == {"key": "partners", "label": "Partners", "prompt": "", "required": False}
    assert block.rubric[0]["levels"][1]["points"] == 4 and block.aggregation == "mean" and block.weight == 2.0

    olx = export(runtime, block)
    again = add_block(CourseRuntime(TRAINER), "vetnet_best_practice", olx)

    for name in ("topic", "template_sections", "rubric", "reviews_required", "reviews_to_give", "anonymous",
                 "aggregation", "waiting_hours", "weight", "title"):
        assert getattr(again, name) == getattr(block, name), name
    assert etree.fromstring(export(CourseRuntime(TRAINER), again)).attrib == etree.fromstring(olx).attrib


def test_the_studio_editor_edits_and_reorders_sections_and_the_rubric_in_plain_text(track):
    runtime, block = track
    editor = {field["name"]: field["value"] for field in block._editor_fields()}  # pylint: disable=protected-access
    assert editor["sections_text"] == "context | Context | Where?\npartners | Partners |  | optional"
    assert editor["rubric_text"] == "relevance | Relevance | 2\n0 | No\n4 | Yes"
    assert editor["repository_threshold_text"] == "70"

    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "sections_text": "partners | Partners | Who took part?\ncontext | Context | Where and for whom?",
        "rubric_text": "evidence | Results and evidence | 1 | Measured results?\n0 | None\n1 | Some\n2 | Measured",
        "reviews_required_text": "2", "repository_threshold_text": "80", "anonymous_choice": "no",
        "review_due": "2026-06-14T23:59Z", "calibration_reference_text": "evidence: 2",
    })

    assert status == 200, body
    block.student_view()  # the plugin's copy follows the block when it is next shown
    assert [s["key"] for s in block.template_sections] == ["partners", "context"]
    assert block.rubric[0]["levels"][2] == {"points": 2.0, "label": "Measured", "description": ""}
    assert block.reviews_required == 2 and block.repository_threshold == 0.8 and block.anonymous is False
    assert block.calibration_reference == {"evidence": 2.0}
    stored = BestPracticeAssignment.objects.get(usage_key=str(block.scope_ids.usage_id))
    assert stored.reviews_required == 2 and stored.review_due.isoformat().startswith("2026-06-14T23:59")


def test_a_rubric_the_track_cannot_grade_with_is_refused_and_nothing_is_saved(track):
    runtime, block = track
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "rubric_text": "relevance | Relevance | 2\n4 | Only one level", "reviews_required_text": "two"})
    assert status == 400 and "reviews_required_text" in body["errors"]
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "rubric_text": "relevance | Relevance | 2\n4 | Only one level"})
    assert status == 400
    assert block.rubric[0]["levels"][1]["label"] == "Yes"


def test_two_learners_write_review_each_other_and_the_grade_is_published(track, monkeypatch):
    runtime, block = track
    runtime.get_block(block.scope_ids.usage_id).student_view()  # the plugin learns the assignment
    ana, ben = person(runtime), person(runtime)
    ana.user.first_name, ana.user.last_name = "Ana", "Sousa"
    ana.user.save()

    for who in (ana, ben):
        status, saved, _r = _handler(who, block, "save_draft", {
            "version": 0, "title": "Mentors in SMEs", "sections": {"context": "Workshops in Porto."}})
        assert status == 200, saved
        stale = _handler(who, block, "save_draft", {"version": 0, "title": "Other tab"})
        assert stale[0] == 409 and "another tab" in stale[1]["error"]
        assert _handler(who, block, "submit_practice", {"version": saved["version"]})[0] == 200

    page = ben.block(block).student_view().content
    assert "Mentors in SMEs" in page and "Sousa" not in page  # anonymous review

    for who in (ben, ana):
        status, lease, _r = _handler(who, block, "request_review")
        assert status == 200 and lease["lease"]["practice"]["author_name"] == ""
        bad = _handler(who, block, "submit_review", {"review_uuid": lease["lease"]["uuid"], "scores": "x"})
        assert bad[0] == 400
        status, body, _r = _handler(who, block, "submit_review", {
            "review_uuid": lease["lease"]["uuid"], "scores": {"relevance": 4}, "overall_feedback": "Clear."})
        assert status == 200, body

    published = []
    ana_block = ana.block(block)
    monkeypatch.setattr(ana.runtime, "publish", lambda blk, kind, event: published.append((kind, event)))
    page = ana_block.student_view().content
    assert ("grade", {"value": 1.0, "max_value": 1.0, "only_if_higher": None}) in published
    assert ("completion", {"completion": 1.0}) in published
    assert "Your grade: 100%" in page and "The mean of the reviews" in page
    published.clear()
    ana.block(block).student_view()
    assert not [kind for kind, _event in published if kind == "grade"], "a page view repeats nothing"
    assert BestPractice.objects.filter(status=BestPractice.GRADED).count() == 2


def test_course_staff_see_the_table_and_override_a_grade(track):
    runtime, block = track
    runtime.get_block(block.scope_ids.usage_id).student_view()
    ana, staff = person(runtime), person(runtime, staff=True)
    saved = _handler(ana, block, "save_draft", {"version": 0, "title": "Mentors", "sections": {"context": "Porto"}})
    _handler(ana, block, "submit_practice", {"version": saved[1]["version"]})

    page = staff.block(block).student_view().content
    assert "Course staff: every practice" in page and "Mentors" in page
    assert _handler(ana, block, "staff_table", method="GET")[0] == 403
    rows = _handler(staff, block, "staff_table", {"state": "submitted"}, method="GET")[1]["rows"]
    assert [row["title"] for row in rows] == ["Mentors"]

    bad = _handler(staff, block, "override_grade", {"practice_uuid": rows[0]["uuid"], "score": "high"})
    assert bad[0] == 400
    status, body, _r = _handler(staff, block, "override_grade", {
        "practice_uuid": rows[0]["uuid"], "score": 0.75, "reason": "Reviewed by the panel."})
    assert status == 200 and body["grade"]["override_reason"] == "Reviewed by the panel."
    assert "Reviewed by the panel." in ana.block(block).student_view().content


def test_the_block_is_graded_through_the_scoring_mixin():
    from xblock.scorable import ScorableXBlockMixin  # pylint: disable=import-outside-toplevel

    assert issubclass(BestPracticeBlock, ScorableXBlockMixin)
    assert BestPracticeBlock.has_score is True
    block = CourseRuntime(TRAINER).construct(BestPracticeBlock)
    assert block.max_score() == 1.0 and not block.has_submitted_answer()


def test_outside_a_course_community_the_block_says_so(track):
    runtime, block = track
    outsider = person(runtime, enrolled=False)
    assert "Enroll in the course" in outsider.block(block).student_view().content


def _get(who, block, name, query):
    request = webob.Request.blank("/?" + urlencode(query), method="GET")
    response = who.runtime.handle(who.block(block), name, request)
    return response.status_code, response.json


def _submitted(who, block, title):
    saved = _handler(who, block, "save_draft", {"version": 0, "title": title, "sections": {"context": "Porto"}})[1]
    assert _handler(who, block, "submit_practice", {"version": saved["version"]})[0] == 200


def test_staff_filter_the_table_by_state_and_page_through_it(track):
    runtime, block = track
    runtime.get_block(block.scope_ids.usage_id).student_view()
    staff = person(runtime, staff=True)
    learners = [person(runtime) for _n in range(7)]
    for number, who in enumerate(learners[:6]):
        _submitted(who, block, f"Practice {number}")
    _handler(learners[6], block, "save_draft", {"version": 0, "title": "Still a draft", "sections": {}})

    page = staff.block(block).student_view().content
    assert 'name="state"' in page and "7 practices" in page and "Page 1 of 2" in page  # pages of 5 in tests

    status, body = _get(staff, block, "staff_table_html", {"state": "draft"})
    assert status == 200 and "Still a draft" in body["html"] and "Practice 0" not in body["html"]
    assert '<option value="draft" selected>' in body["html"] and "1 practice" in body["html"]
    status, body = _get(staff, block, "staff_table_html", {"page": 2})
    assert status == 200 and "Page 2 of 2" in body["html"] and body["html"].count('data-practice="') >= 2
    status, body = _get(staff, block, "staff_table_html", {"search": "Practice 3"})
    assert "Practice 3" in body["html"] and "Practice 4" not in body["html"]

    assert _get(staff, block, "staff_table_html", {"state": "lost"})[0] == 400
    assert _get(staff, block, "staff_table_html", {"page": 9})[0] == 404
    status, body = _get(learners[0], block, "staff_table_html", {})
    assert status == 403 and body["error"]


def test_staff_reassign_an_unfinished_review_from_the_block(track):
    runtime, block = track
    runtime.get_block(block.scope_ids.usage_id).student_view()
    ana, ben, carla, staff = person(runtime), person(runtime), person(runtime), person(runtime, staff=True)
    _submitted(ana, block, "Mentors")
    _submitted(ben, block, "Apprentices")
    lease = _handler(ben, block, "request_review")[1]["lease"]
    practice = lease["practice"]["uuid"]

    status, body = _get(staff, block, "staff_reviews_html", {"practice_uuid": practice})
    assert status == 200 and 'data-action="reassign_review"' in body["html"] and lease["uuid"] in body["html"]
    assert _get(ben, block, "staff_reviews_html", {"practice_uuid": practice})[0] == 403
    assert _handler(ben, block, "reassign_review", {"review_uuid": lease["uuid"], "to_username": "x"})[0] == 403
    status, body, _r = _handler(staff, block, "reassign_review", {"review_uuid": lease["uuid"],
                                                                  "to_username": "nobody-here"})
    assert status == 400 and "nobody-here" in body["error"]
    status, body, _r = _handler(staff, block, "reassign_review", {"review_uuid": lease["uuid"],
                                                                  "to_username": ana.user.username})
    assert status == 400 and "own practice" in body["error"]

    status, body, _r = _handler(staff, block, "reassign_review", {"review_uuid": lease["uuid"],
                                                                  "to_username": carla.user.username})
    assert status == 200 and body["lease"]["practice"]["uuid"] == practice
    assert _get(carla, block, "learner_state", {})[1]["lease"]["practice"]["uuid"] == practice
    # Ben's lease is gone, and the one practice he could review has its reviewer in Carla.
    assert _handler(ben, block, "request_review")[1]["lease"] is None


SELF_OLX = OLX.replace('weight="2.0"', 'weight="2.0" self_assessment="true"')


def test_a_learner_assesses_their_own_practice_and_sees_it_beside_the_grade():
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    block = add_block(runtime, "vetnet_best_practice", SELF_OLX)
    runtime.get_block(block.scope_ids.usage_id).student_view()
    ana, ben = person(runtime), person(runtime)
    assert "Assess your own practice" not in ana.block(block).student_view().content  # nothing submitted yet
    _submitted(ana, block, "Mentors")
    _submitted(ben, block, "Apprentices")
    assert "Assess your own practice" in ana.block(block).student_view().content

    assert _handler(ana, block, "self_assess", {"scores": {"relevance": 7}})[0] == 400
    assert _handler(ana, block, "self_assess", {"scores": ["relevance"]})[0] == 400
    status, body, _r = _handler(ana, block, "self_assess", {"scores": {"relevance": 0}})
    assert status == 200, body
    page = ana.block(block).student_view().content
    assert "Assess your own practice" not in page and "Your self-assessment" in page

    for who in (ben, ana):
        lease = _handler(who, block, "request_review")[1]["lease"]
        _handler(who, block, "submit_review", {"review_uuid": lease["uuid"], "scores": {"relevance": 4},
                                               "overall_feedback": "Clear."})
    page = ana.block(block).student_view().content
    assert "Your grade: 100%" in page and "Your own rating" in page  # the self-assessment never counts
    assert "<td>0.0</td>" in page


def test_studio_offers_to_move_each_template_section_up_or_down(track):
    runtime, block = track
    html = block.studio_view().content
    order = html[html.index('data-order-for="sections_text"'):]
    order = order[:order.index("</ol>")]
    assert order.count("Move up") == 2 and order.count("Move down") == 2
    assert order.index("context | Context") < order.index("partners | Partners")
    assert 'data-order-for="rubric_text"' not in html  # only the sections' order is a list of lines


def test_the_author_sees_where_their_graded_practice_stands_in_the_repository_and_takes_it_out(track):
    runtime, block = track
    runtime.get_block(block.scope_ids.usage_id).student_view()
    ana, eva, staff = person(runtime), person(runtime), person(runtime, staff=True)
    for who, title in ((ana, "Mentors in small workshops"), (eva, "Tutors on loan")):
        saved = _handler(who, block, "save_draft", {"version": 0, "title": title, "sections": {"context": "Porto"}})
        _handler(who, block, "submit_practice", {"version": saved[1]["version"]})
    page = ana.block(block).student_view().content
    assert "Browse the accepted practices of every course community" in page
    assert "Your practice in the repository" not in page, "not graded yet: no entry to show"

    rows = {row["title"]: row["uuid"] for row in _handler(staff, block, "staff_table", method="GET")[1]["rows"]}
    for title, score in (("Mentors in small workshops", 0.75), ("Tutors on loan", 0.4)):
        assert _handler(staff, block, "override_grade", {
            "practice_uuid": rows[title], "score": score, "reason": "Graded by the panel."})[0] == 200
    entry = RepositoryEntry.objects.get(title="Mentors in small workshops")
    entry_page = reverse("vetnet:repository-member-entry",
                         kwargs={"course_key": str(block.course_key), "entry_uuid": str(entry.uuid)})
    page = ana.block(block).student_view().content
    assert "Your practice is in the best-practice repository" in page and f'href="{entry_page}"' in page
    assert "its grade is below the one the repository asks for" in eva.block(block).student_view().content

    author = Client()
    author.force_login(ana.user)
    assert "Take it out of the repository" in author.get(entry_page).content.decode()
    assert author.post(entry_page, {"action": "withdraw"}).status_code == 302
    assert not RepositoryEntry.objects.get(pk=entry.pk).listed
    assert "You took your practice out of the repository" in ana.block(block).student_view().content
    other = Client()
    other.force_login(eva.user)
    assert other.get(entry_page).status_code == 404, "a withdrawn practice is seen by its author and staff only"
    assert other.post(entry_page, {"action": "offer"}).status_code == 404
    assert author.post(entry_page, {"action": "offer"}).status_code == 302
    assert RepositoryEntry.objects.get(pk=entry.pk).listed
    assert "Your practice is in the best-practice repository" in ana.block(block).student_view().content
