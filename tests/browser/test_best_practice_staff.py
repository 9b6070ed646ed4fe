"""
The best-practice assignment at a phone's width: course staff filter the table
and reassign an unfinished review; a learner assesses their own practice and
sees it beside the grade; the trainer moves a template section in Studio with
the keyboard. Every page passes axe-core.
"""
import json

import pytest
from lxml import etree

from .test_phone_width import PHONE, assert_fits

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
COURSE = f"/courses/{COURSE_KEY}/"
BLOCK = ("vetnet_best_practice", "cooperation_best_practice")
UNIT = f"{COURSE}units/cooperation_best_practice/"
STUDIO = f"{COURSE}studio/vetnet_best_practice/cooperation_best_practice/"


@pytest.fixture
def track(demo_site):
    """Self-assessment on; Marco, Eleni, Jordi and Claire submitted a practice; Eleni holds a review lease."""
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from devhost import demo  # pylint: disable=import-outside-toplevel
    from devhost.runtime import HostRuntime  # pylint: disable=import-outside-toplevel
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    course = next(c for c in demo_site["courses"] if c.template == demo.DEMO_TEMPLATE)
    users = {u.username: u for u in get_user_model().objects.all()}
    studio = HostRuntime(course_key=course.course_key, user=users["trainer"], studio=True)
    authored = studio.get_block(studio.course_key.make_usage_key(*BLOCK))
    authored.self_assessment = True
    authored.save()
    block = demo._block(course, *BLOCK)  # pylint: disable=protected-access
    block.sync_track()
    usage_key = str(block.scope_ids.usage_id)
    sections = {section["key"]: "Apprentices and mentors in small workshops." for section in block.template_sections}
    for name in ("marco", "eleni", "jordi", "claire"):
        draft = api.save_draft(user=users[name], course_key=COURSE_KEY, usage_key=usage_key,
                               title=f"{name.title()}'s practice", sections=sections)
        api.submit_practice(user=users[name], course_key=COURSE_KEY, usage_key=usage_key, version=draft.version)
    lease = api.request_review(user=users["eleni"], course_key=COURSE_KEY, usage_key=usage_key)
    return {"users": users, "usage_key": usage_key, "lease": lease}


@pytest.mark.browser
def test_staff_filter_the_table_and_reassign_a_review_at_phone_width(track, logged_in_page, page, axe_check,
                                                                     js_errors):
    from vetnet_plugin.models import PeerReview  # pylint: disable=import-outside-toplevel

    page.set_viewport_size(PHONE)
    logged_in_page("trainer")
    page.goto(UNIT)
    staff = page.locator(".vetnet-best-practice__staff")
    staff.get_by_text("4 practices").wait_for()
    staff.get_by_label("State", exact=True).select_option(label="In review")
    staff.get_by_role("button", name="Show", exact=True).click()
    staff.get_by_text("1 practice", exact=True).wait_for()
    rows = staff.locator("tbody tr")
    assert rows.count() == 1 and rows.first.get_attribute("data-state") == "in_review"
    assert track["lease"].practice.title in rows.first.inner_text()
    assert_fits(page)
    axe_check(page)

    rows.first.get_by_text("Reviews and leases").click()
    field = rows.first.get_by_label("Hand it to (username; empty: take it back)")
    field.fill("anna")
    rows.first.get_by_role("button", name="Reassign").click()
    page.locator(".vetnet-status--success", has_text="Done.").wait_for()
    assert staff.get_by_label("State", exact=True).input_value() == "in_review"  # the filter stays
    assert staff.locator("tbody tr").count() == 1
    review = PeerReview.objects.get(practice__uuid=track["lease"].practice.uuid, status=PeerReview.LEASED)
    assert review.reviewer.username == "anna"
    assert_fits(page)
    axe_check(page)
    assert js_errors == []


@pytest.mark.browser
def test_a_learner_assesses_their_own_practice_and_sees_it_beside_the_grade(track, logged_in_page, page, axe_check,
                                                                            js_errors):
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    page.set_viewport_size(PHONE)
    logged_in_page("marco")
    page.goto(UNIT)
    form = page.locator(".vetnet-best-practice__self")
    form.get_by_role("heading", name="Assess your own practice").wait_for()
    assert_fits(page)
    axe_check(page)
    criteria = form.locator("fieldset.vetnet-best-practice__criterion")
    assert criteria.count() == 3
    for number in range(3):
        criteria.nth(number).get_by_role("radio").nth(1).check()  # the middle level of every criterion
    form.get_by_role("button", name="Save your self-assessment").click()
    page.get_by_role("heading", name="Your self-assessment").wait_for()
    assert page.locator(".vetnet-best-practice__self").count() == 0

    marco = track["users"]["marco"]
    practice = api.get_learner_view(user=marco, course_key=COURSE_KEY, usage_key=track["usage_key"]).practice
    api.override_grade(user=track["users"]["trainer"], course_key=COURSE_KEY, usage_key=track["usage_key"],
                       practice_uuid=practice.uuid, score=0.8, reason="Graded by the course panel.")
    page.reload()
    grade = page.locator(".vetnet-best-practice__grade")
    grade.get_by_role("heading", name="Your grade: 80%").wait_for()
    assert grade.get_by_role("columnheader", name="Your own rating").is_visible()
    assert "Graded by the course panel." in grade.inner_text()
    assert_fits(page)
    axe_check(page)
    assert js_errors == []


@pytest.mark.browser
def test_the_trainer_moves_a_template_section_with_the_keyboard(demo_site, logged_in_page, page, axe_check,
                                                                 js_errors):
    page.set_viewport_size(PHONE)
    logged_in_page("trainer")
    page.goto(STUDIO)
    order = page.locator('[data-order-for="sections_text"]')
    order.locator(".vetnet-studio__line").first.wait_for()
    assert_fits(page)
    axe_check(page)
    down = order.locator(".vetnet-studio__line").first.locator('[data-move="1"]')
    down.focus()
    page.keyboard.press("Enter")
    page.get_by_text("“context” is now at position 2 of 7.").wait_for()
    textarea = page.get_by_label("Template sections")
    assert textarea.input_value().splitlines()[0].startswith("challenge")
    assert page.evaluate("document.activeElement.closest('li').textContent").strip().startswith("context")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**saved=1**")  # the host shows the editor again, as saved
    assert page.get_by_label("Template sections").input_value().splitlines()[0].startswith("challenge")

    olx = etree.fromstring(page.request.get(STUDIO + "olx/").body())
    keys = [section["key"] for section in json.loads(olx.get("template_sections"))]
    assert keys[:2] == ["challenge", "context"]  # the new order is what an OLX export carries
    assert js_errors == []
