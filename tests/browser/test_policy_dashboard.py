"""
A policy maker's dashboard in Chromium: in Italian, filtered by country, a
table exported as CSV, a scenario answered; a learner reads the answer in the
scenario forum.
"""
import re

import pytest
from playwright.sync_api import expect

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
FORUM = f"/courses/{COURSE_KEY}/units/communication_scenarios/"
DASHBOARD = f"/api/vetnet/v1/courses/{COURSE_KEY}/policy/dashboard/"
PHONE = {"width": 375, "height": 812}
ANSWER = "The region will fund craft academies from 2027."


@pytest.mark.browser
def test_a_policy_maker_reads_filters_exports_and_answers_and_a_learner_reads_the_answer(
    demo_site, settings, logged_in_page, page, axe_check, js_errors,
):
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    settings.VETNET_POLICY_MIN_CELL = 3  # the demo community is small

    logged_in_page("anna")
    page.goto(FORUM)
    page.locator(".vetnet-scenarios").get_by_role("heading", name="Scenarios", exact=True).wait_for()
    api.refresh_policy_snapshots()  # what the hourly task does

    page.goto(f"/courses/{COURSE_KEY}/")
    page.get_by_role("link", name="Policy dashboard").click()
    expect(page.get_by_role("heading", name="Policy dashboard", level=1)).to_be_visible()

    # The page's own language switch: Italian (its strings are not translated yet, the page still works).
    page.locator("#vetnet-policy-language").select_option("it")
    page.locator(".vetnet-policy-language button").click()
    expect(page.locator("html")).to_have_attribute("lang", "it")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
    expect(page.locator("svg.vetnet-policy-chart").first).to_be_visible()
    axe_check(page)

    country = page.locator("#vetnet-policy-country option").nth(1)
    code = country.get_attribute("value")
    page.locator("#vetnet-policy-country").select_option(code)
    page.locator(".vetnet-policy-filter button").click()
    page.wait_for_url(re.compile(rf"country={code}"))
    expect(page.locator("html")).to_have_attribute("lang", "it")
    participation = page.locator("#vetnet-policy-participation_countries")
    expect(participation.locator("thead th")).to_have_count(2)  # the month, and the chosen country
    axe_check(page)

    with page.expect_download() as download:
        participation.locator("a[download]").click()
    assert download.value.suggested_filename == f"vetnet-participation_countries-{code.lower()}.csv"
    with open(download.value.path(), encoding="utf-8") as exported:
        assert exported.readline().count(",") == 1

    page.locator("#vetnet-policy-target").select_option(index=0)
    page.locator("#vetnet-policy-body").fill(ANSWER)
    page.locator("#vetnet-policy-respond button[type=submit]").click()
    expect(page.locator(".vetnet-policy-message")).to_be_visible()
    expect(page.locator(".vetnet-policy-responses")).to_contain_text(ANSWER)
    axe_check(page)

    page.context.clear_cookies()
    logged_in_page("marco")
    page.goto(FORUM)
    answers = page.locator(".vetnet-scenarios__policy-responses")
    expect(answers.first).to_contain_text(ANSWER)
    expect(answers.first).to_contain_text("Anna Ferrari")
    axe_check(page)
    assert not js_errors
