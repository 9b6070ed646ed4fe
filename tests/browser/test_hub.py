"""A learner opens the Community tab on a phone, sees their communities and phases, and claims a phase credential."""
import json

import pytest

COURSE = "course-v1:VETNet+CoVP+2026"
PHONE = {"width": 375, "height": 812}


def _marco_has_posted():
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from tests.factories import UserFactory  # pylint: disable=import-outside-toplevel
    from tests.vetnet_plugin import hub_helpers  # pylint: disable=import-outside-toplevel
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    marco = get_user_model().objects.get(username="marco")
    trainer = UserFactory(is_staff=True)
    api.set_phase_criteria(user=trainer, course_key=COURSE, phase="communication",
                           thresholds={"rated": 0, "posted": 1, "counselled": 0})
    hub_helpers.post(marco, course_key=COURSE)
    api.record_phase_progress(course_key=COURSE)


@pytest.mark.browser
def test_a_learner_sees_the_hub_and_claims_a_phase_credential(demo_site, logged_in_page, page, axe_check, js_errors):
    _marco_has_posted()
    page.set_viewport_size(PHONE)
    logged_in_page("marco")
    page.goto(f"/courses/{COURSE}/")
    page.get_by_role("link", name="Community", exact=True).click()
    page.get_by_role("heading", name="Your communities").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)
    communication = page.locator("#phase-communication")
    assert "Reached" in communication.inner_text()
    assert "Next for you" in page.locator("#phase-sharing").inner_text()
    assert "Deposit 1 more resource in the toolbox." in page.locator("#phase-sharing").inner_text()
    assert page.get_by_role("link", name="Community library").count() == 1

    communication.get_by_role("button", name="Claim your Communication credential").click()
    page.get_by_text("Your credential is ready", exact=False).wait_for()
    axe_check(page)
    page.get_by_role("link", name="Open your Communication credential").click()
    page.get_by_text("Verified: this credential is genuine.").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)
    with page.expect_response(lambda response: "/api/vetnet/v1/hub/credentials/" in response.url) as answer:
        page.get_by_role("link", name="the credential as JSON").click()
    document = json.loads(answer.value.text())
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert js_errors == []
