"""A learner and a trainer walk through the development host in a real browser."""
import re

import pytest

COURSE = "/courses/course-v1:VETNet+CoVP+2026/"
VETNET_BLOCKS = {
    "vetnet_scenarios", "vetnet_counselling", "vetnet_toolbox",
    "vetnet_workspace", "vetnet_best_practice", "vetnet_partnership",
}


@pytest.mark.browser
def test_a_learner_opens_the_course_and_sees_every_block(demo_site, logged_in_page, axe_check, js_errors):
    page = logged_in_page("marco")
    axe_check(page)

    page.get_by_role("link", name="Open Community of VET Practices").click()
    page.wait_for_url(f"**{COURSE}")
    for phase in ("Communication", "Sharing", "Collaboration", "Cooperation"):
        assert page.get_by_role("heading", level=2, name=phase).is_visible()
    axe_check(page)
    unit_urls = [link.get_attribute("href") for link in page.locator("ol.units a").all()]

    page.get_by_role("link", name="Scenarios: how VET may evolve").click()
    page.wait_for_url("**/units/communication_scenarios/")
    assert page.get_by_role("heading", level=1, name="Scenarios: how VET may evolve").is_visible()
    block = page.locator("[data-block-type='vetnet_scenarios'] .xblock-v1")
    assert block.is_visible()
    assert block.get_attribute("data-usage-id") == (
        "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@communication_scenarios_forum"
    )

    seen = set()
    for url in unit_urls:
        page.goto(url)
        assert page.locator(".devhost-unavailable").count() == 0, url
        seen.update(component.get_attribute("data-block-type") for component in page.locator(".component").all())
        # Members' and trainers' texts read as text: no HTML tag written out on the page.
        assert not re.search(r"</?(p|em|strong|ul|ol|li|a)\b[^>]*>", page.locator("body").inner_text()), url
        axe_check(page)
    assert VETNET_BLOCKS <= seen
    assert js_errors == []


@pytest.mark.browser
def test_a_trainer_edits_a_block_in_studio(demo_site, logged_in_page, axe_check, js_errors):
    page = logged_in_page("trainer")
    page.goto(f"{COURSE}units/sharing_toolbox/")
    page.get_by_role("link", name=re.compile("in Studio")).click()
    page.wait_for_url("**/studio/vetnet_toolbox/sharing_toolbox/")
    axe_check(page)

    page.get_by_label("Title").fill("Our shared toolbox")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**?saved=1")
    assert page.get_by_text("Your changes are saved.").is_visible()
    assert 'title="Our shared toolbox"' in page.locator("pre.olx").inner_text()
    axe_check(page)

    page.goto(f"{COURSE}units/sharing_toolbox/")
    assert page.get_by_role("heading", name="Our shared toolbox").is_visible()
    axe_check(page)
    assert js_errors == []
