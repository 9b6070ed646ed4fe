"""The counselling cycle in Chromium at a phone's width: a similar solved case, an answer accepted, the outcome."""
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from vetnet_plugin import api

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
UNIT = f"/courses/{COURSE_KEY}/units/communication_counselling/"
USAGE_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_counselling+block@communication_peer_counselling"
PHONE = {"width": 375, "height": 812}



def as_user(page, logged_in_page, username):
    page.context.clear_cookies()
    logged_in_page(username)
    page.set_viewport_size(PHONE)
    page.goto(UNIT)
    block = page.locator(".vetnet-counselling")
    block.get_by_role("heading", name="Cases that need help").wait_for()
    return block


def solved_case():
    """Eleni's case about apprentices, answered by Jordi and accepted: what Marco should be shown."""
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["eleni", "jordi"])}
    where = {"course_key": COURSE_KEY, "usage_key": USAGE_KEY}
    case = api.open_case(user=users["eleni"], **where, title="Small hotels refuse apprentices",
                         problem="Family hotels say an apprentice costs the owner too much time.",
                         topics=["apprenticeships"], language="en")
    post = api.answer_case(user=users["jordi"], **where, case_uuid=case.summary.uuid,
                           body="Share one in-company tutor among three small firms.")
    api.accept_answer(user=users["eleni"], **where, case_uuid=case.summary.uuid, post_id=post.id)


@pytest.mark.browser
def test_open_a_case_see_a_similar_solved_one_get_an_answer_accept_it_and_report_the_outcome(
        demo_site, logged_in_page, page, axe_check, js_errors):
    as_user(page, logged_in_page, "marco")  # the first view hands the block's topics to the plugin
    solved_case()
    block = as_user(page, logged_in_page, "marco")
    axe_check(page)
    block.locator("details.vetnet-counselling__intake > summary").click()
    block.get_by_label("A short title").fill("Craft workshops refuse apprentices")
    block.get_by_label("The problem (Markdown allowed)").fill(
        "Small carpentry firms say an apprentice costs the owner too much time.")
    block.get_by_label("Finding companies for apprenticeships and work-based learning").check()
    suggestions = block.locator(".vetnet-counselling__similar")
    expect(suggestions).to_contain_text("Small hotels refuse apprentices")
    expect(suggestions).to_contain_text("Solved")
    axe_check(page)
    block.get_by_role("button", name="Open the case").click()
    expect(block.locator(".vetnet-status")).to_contain_text("Your case is open")
    expect(block.locator(".vetnet-counselling__case")).to_contain_text("Craft workshops refuse apprentices")

    block = as_user(page, logged_in_page, "jordi")
    card = block.locator("li.vetnet-counselling__item", has=page.get_by_role(
        "heading", name="Craft workshops refuse apprentices"))
    expect(card).to_contain_text("No answer yet")
    card.get_by_role("button", name="Read the case").click()
    case = block.locator(".vetnet-counselling__case")
    case.get_by_label("Your answer (Markdown allowed)").fill("Ask the chamber of crafts for a **shared tutor**.")
    case.get_by_role("button", name="Send the answer").click()
    expect(block.locator(".vetnet-status")).to_contain_text("Your answer is online.")
    expect(case).to_contain_text("shared tutor")

    block = as_user(page, logged_in_page, "marco")
    card = block.locator("li.vetnet-counselling__item", has=page.get_by_role(
        "heading", name="Craft workshops refuse apprentices"))
    expect(card).to_contain_text(re.compile("first answer after"))
    card.get_by_role("button", name="Read the case").click()
    case = block.locator(".vetnet-counselling__case")
    case.get_by_role("button", name="Accept: this helped").click()
    expect(block.locator(".vetnet-status")).to_contain_text("marked as one that helped")
    expect(case).to_contain_text("Accepted: this helped")
    case.get_by_text("Report the outcome").click()
    case.get_by_label("Solved", exact=True).check()
    case.get_by_label("A short note others can learn from").fill("Two workshops share one tutor now.")
    case.get_by_role("button", name="Save the outcome").click()
    expect(block.locator(".vetnet-status")).to_contain_text("the outcome is kept on the case")
    expect(case).to_contain_text("What happened: Solved")
    axe_check(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways at 375 px ({width} px wide)"
    assert not js_errors


@pytest.mark.browser
def test_a_case_clinic_from_the_first_phase_to_the_saved_action_plan(
        demo_site, logged_in_page, page, axe_check, js_errors):
    as_user(page, logged_in_page, "marco")  # the first view hands the block's settings to the plugin
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["marco", "jordi"])}
    where = {"course_key": COURSE_KEY, "usage_key": USAGE_KEY}
    case = api.open_case(user=users["marco"], **where, title="Tutors leave our craft school",
                         problem="Three of our workshop tutors left for industry this year.", language="en")
    api.accept_answer(user=users["marco"], **where, case_uuid=case.summary.uuid, post_id=api.answer_case(
        user=users["jordi"], **where, case_uuid=case.summary.uuid, body="Offer them part-time teaching.").id)

    block = as_user(page, logged_in_page, "marco")
    card = block.locator("li.vetnet-counselling__item", has=page.get_by_role(
        "heading", name="Tutors leave our craft school"))
    card.get_by_role("button", name="Read the case").click()
    panel = block.locator(".vetnet-counselling__case")
    expect(panel).to_contain_text("1 accepted answer")
    panel.get_by_text("Start a case clinic").click()
    panel.get_by_label("Facilitator (username)").fill("jordi")
    panel.get_by_label("Minutes per phase").fill("15")
    axe_check(page)
    panel.get_by_role("button", name="Start the clinic").click()
    expect(block.locator(".vetnet-status")).to_contain_text("The case clinic has started")
    expect(panel).to_contain_text("Phase: Clarify the problem")

    block = as_user(page, logged_in_page, "jordi")
    block.locator("li.vetnet-counselling__item", has=page.get_by_role(
        "heading", name="Tutors leave our craft school")).get_by_role("button", name="Read the case").click()
    panel = block.locator(".vetnet-counselling__case")
    panel.get_by_role("button", name="Move on to: Advise").click()
    expect(panel).to_contain_text("Phase: Advise")
    panel.get_by_role("button", name="Move on to: Agree an action plan").click()
    panel.get_by_label("The action plan: the steps the owner will take").fill("1. Offer two tutors part-time posts.")
    panel.get_by_role("button", name="Save the action plan").click()
    expect(block.locator(".vetnet-status")).to_contain_text("The action plan is saved on the case.")
    expect(panel.locator(".vetnet-counselling__clinic")).to_contain_text("Offer two tutors part-time posts.")
    axe_check(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways at 375 px ({width} px wide)"
    assert not js_errors
