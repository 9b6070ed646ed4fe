"""
A member finds partners from other countries, each with a reason, proposes a
KA220 partnership, sees it ineligible until a third country joins, the
partners accept in their own browsers, and the summary opens ready to print.
"""
import re

import pytest

UNIT = "/courses/course-v1:VETNet+Coop+2026/units/coop_funding_partnership/"


def _member_page(browser, live_server, username, password, width=1280):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    page.goto(UNIT)
    return page, errors


def _accept(page):
    from playwright.sync_api import expect  # pylint: disable=import-outside-toplevel

    page.reload()
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_role("button", name="Accept the invitation")).to_have_count(0)


@pytest.mark.browser
def test_find_a_partner_propose_ka220_ineligible_until_a_third_country_joins_then_print(demo_site, browser,
                                                                                        live_server, axe_check):
    from playwright.sync_api import expect  # pylint: disable=import-outside-toplevel

    password = demo_site["password"]
    marco, marco_errors = _member_page(browser, live_server, "marco", password, width=375)
    axe_check(marco)
    assert marco.evaluate("document.documentElement.scrollWidth") <= 375

    # Find partners: each suggestion says why in one line.
    marco.get_by_role("button", name="Suggest partners").click()
    eleni = marco.locator("[data-vetnet-suggestion]").filter(has_text="Eleni Papadopoulou")
    expect(eleni.locator(".vetnet-partnership__reason")).to_have_text(re.compile(r"adds a second country \(Greece\)"))
    axe_check(marco)

    # Propose a KA220 cooperation partnership.
    propose = marco.locator("details.vetnet-partnership__propose")
    propose.locator("summary").click()
    expect(propose).to_have_attribute("open", "")
    propose.get_by_label("Title", exact=True).fill("Digital skills for craft SMEs")
    propose.get_by_label("Funding instrument").select_option("erasmus_ka220")
    propose.get_by_label("Aims").fill("Train trainers of **three countries** in digital tools for crafts.")
    propose.get_by_role("button", name="Propose").click()
    panel = marco.locator("[data-vetnet-partnership]").filter(has_text="Digital skills for craft SMEs")
    expect(panel.locator("[data-vetnet-verdict]")).to_contain_text("Not eligible yet.")

    # Suggestions now complement the partnership; invite Eleni (Greece) and Jordi (Spain).
    marco.get_by_label("Complement the partnership").select_option(label="Digital skills for craft SMEs")
    marco.get_by_role("button", name="Suggest partners").click()
    for name in ("Eleni Papadopoulou", "Jordi Puig"):
        marco.get_by_role("button", name=f"Invite {name} to “Digital skills for craft SMEs”").click()
        expect(panel.get_by_role("row").filter(has_text=name)).to_contain_text("invited")
    axe_check(marco)

    # Eleni accepts: two countries, still not eligible, and the page says what is missing.
    eleni_page, eleni_errors = _member_page(browser, live_server, "eleni", password)
    _accept(eleni_page)
    marco.reload()
    panel = marco.locator("[data-vetnet-partnership]").filter(has_text="Digital skills for craft SMEs")
    expect(panel.locator("[data-vetnet-verdict]")).to_contain_text("Add a partner from 1 more programme country.")

    # Jordi accepts: a third country joins and the partnership is eligible and formed.
    jordi_page, jordi_errors = _member_page(browser, live_server, "jordi", password)
    _accept(jordi_page)
    marco.reload()
    panel = marco.locator("[data-vetnet-partnership]").filter(has_text="Digital skills for craft SMEs")
    expect(panel.locator("[data-vetnet-verdict]")).to_contain_text("Eligible as composed.")
    expect(panel).to_contain_text("its workspace is open")
    axe_check(marco)

    # The summary opens as a page made for print.
    with marco.context.expect_page() as opened:
        panel.get_by_role("link", name="Printable summary").click()
    summary = opened.value
    summary.wait_for_load_state()
    expect(summary.get_by_role("heading", level=1)).to_have_text("Digital skills for craft SMEs")
    expect(summary.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    expect(summary.get_by_role("table")).to_contain_text("Jordi Puig")
    summary.emulate_media(media="print")
    expect(summary.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    axe_check(summary)
    assert marco_errors == [] and eleni_errors == [] and jordi_errors == []
