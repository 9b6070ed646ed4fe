"""A member browses the best-practice repository on a phone, narrows it by sector, and reads an entry's labels."""
import pytest
from playwright.sync_api import expect

from .test_phone_width import PHONE, assert_fits

COURSE = "course-v1:VETNet+CoVP+2026"
REPOSITORY = f"/api/vetnet/v1/courses/{COURSE}/best-practices/repository/page/"
# Where the demo's accepted practices were written (the cooperation course).
FUNDING_UNIT = "/courses/course-v1:VETNet+Coop+2026/units/coop_funding_practice/"


@pytest.mark.browser
def test_a_member_filters_the_repository_at_phone_width(demo_site, logged_in_page, page, axe_check, js_errors):
    from devhost import demo  # pylint: disable=import-outside-toplevel

    demo.load_demo_content(demo_site["courses"])
    page.set_viewport_size(PHONE)
    logged_in_page("marco")
    page.goto(f"/courses/{COURSE}/")
    page.get_by_role("link", name="Best-practice repository").click()
    page.wait_for_url(f"**{REPOSITORY}")
    assert page.get_by_role("heading", name="Regional funds for mentor training in Crete").is_visible()
    assert page.get_by_role("heading", name="Shared apprenticeship office for small building firms").is_visible()
    assert_fits(page)
    axe_check(page)

    page.get_by_label("Sector").select_option("construction")
    page.get_by_role("button", name="Show practices").click()
    page.wait_for_url("**sector=construction**")
    assert page.get_by_role("status").inner_text() == "1 practice"
    assert page.get_by_role("heading", name="Shared apprenticeship office for small building firms").is_visible()
    assert not page.get_by_text("Regional funds for mentor training in Crete").count()
    assert_fits(page)
    axe_check(page)

    page.get_by_label("Sector").select_option("")
    page.get_by_role("button", name="Show practices").click()
    page.get_by_role("link", name="Regional funds for mentor training in Crete").click()
    labels = page.get_by_role("list", name="Quality labels")
    assert "Staff-approved" in labels.inner_text()
    assert "Course staff approved it for the repository." in labels.inner_text()
    assert page.get_by_text("Eleni Papadopoulou").count() == 1  # she agreed to be credited
    page.get_by_role("button", name="I adopted this").click()
    assert page.get_by_text("You adopted this practice.").is_visible()
    assert_fits(page)
    axe_check(page)
    assert js_errors == []


@pytest.mark.browser
def test_the_public_repository_page_fits_a_phone_without_login(demo_site, page, axe_check, settings):
    from devhost import demo  # pylint: disable=import-outside-toplevel

    settings.VETNET_PUBLIC_REPOSITORY = True  # as the demo host's settings have it

    demo.load_demo_content(demo_site["courses"])
    page.set_viewport_size(PHONE)
    page.goto("/api/vetnet/v1/repository/")
    assert page.get_by_role("heading", name="Shared apprenticeship office for small building firms").is_visible()
    assert page.get_by_text("Jordi Puig").count() == 0  # not credited
    assert_fits(page)
    axe_check(page)


@pytest.mark.browser
def test_the_author_follows_the_block_to_her_entry_and_takes_it_out_and_back(demo_site, logged_in_page, page,
                                                                            axe_check, js_errors):
    from devhost import demo  # pylint: disable=import-outside-toplevel

    demo.load_demo_content(demo_site["courses"])
    page.set_viewport_size(PHONE)
    logged_in_page("eleni")
    page.goto(FUNDING_UNIT)
    block = page.locator(".vetnet-best-practice__repository")
    expect(block).to_contain_text("Your practice is in the best-practice repository")
    assert_fits(page)
    axe_check(page)
    block.get_by_role("link", name="Your practice in the repository").click()
    expect(page.get_by_role("heading", name="Regional funds for mentor training in Crete")).to_be_visible()
    expect(page.get_by_role("button", name="I adopted this")).to_have_count(0)  # not her own
    page.get_by_role("button", name="Take it out of the repository").click()
    expect(page.get_by_role("status")).to_contain_text("You took this practice out of the repository")
    assert_fits(page)
    axe_check(page)
    page.get_by_role("button", name="Offer it to the repository again").click()
    expect(page.get_by_role("button", name="Take it out of the repository")).to_be_visible()
    page.goto(FUNDING_UNIT)
    expect(page.locator(".vetnet-best-practice__repository")).to_contain_text(
        "Your practice is in the best-practice repository")
    assert js_errors == []
