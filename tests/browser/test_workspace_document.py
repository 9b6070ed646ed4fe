"""Two members type in the same shared document at once, each in their own browser; both see both texts."""
import re

import pytest

UNIT = "/courses/course-v1:VETNet+CoVP+2026/units/collaboration_workspaces/"


def _member_page(browser, live_server, username, password):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 375, "height": 900})
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


@pytest.mark.browser
def test_two_members_typing_in_the_same_document_each_see_the_others_text_and_lose_none(demo_site, browser,
                                                                                      live_server, axe_check):
    from playwright.sync_api import expect  # pylint: disable=import-outside-toplevel

    from devhost import demo  # pylint: disable=import-outside-toplevel

    demo.load_demo_content(demo_site["courses"])  # the demo's active workspace, Marco's and Jordi's
    (marco, marco_errors), (jordi, jordi_errors) = (
        _member_page(browser, live_server, name, demo_site["password"]) for name in ("marco", "jordi"))
    areas = [page.locator("form[data-vetnet-document] textarea").first for page in (marco, jordi)]
    for page in (marco, jordi):
        axe_check(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375

    areas[0].click()
    areas[0].press("Control+End")
    areas[1].click()
    areas[1].press("Control+Home")
    # Both type at the same time, a few words each in turn, without waiting for the other.
    for word in ("Marco:", "site", "visits", "in", "week", "three."):
        areas[0].type(word + " ")
        areas[1].type(word.replace("Marco", "Jordi") + " ")
    areas[1].press("Enter")

    for area in areas:
        expect(area).to_have_value(re.compile(r"Marco: site visits in week three\.", re.S), timeout=30_000)
        expect(area).to_have_value(re.compile(r"Jordi: site visits in week three\.", re.S), timeout=30_000)
    for area in areas:
        assert "Heat pumps in small renovations" in area.input_value()  # the text that was there stays
    marco.get_by_role("status").filter(has_text=re.compile("Saved|updated")).first.wait_for()
    axe_check(marco)
    assert marco_errors == [] and jordi_errors == []


@pytest.mark.browser
def test_the_facilitator_talks_attaches_and_manages_the_workspace_by_keyboard_at_375_px(demo_site, browser,
                                                                                      live_server, axe_check):
    from playwright.sync_api import expect  # pylint: disable=import-outside-toplevel

    from devhost import demo  # pylint: disable=import-outside-toplevel

    demo.load_demo_content(demo_site["courses"])
    marco, errors = _member_page(browser, live_server, "marco", demo_site["password"])
    workspace = marco.locator("article[data-vetnet-workspace]").first
    expect(workspace.get_by_text("Shall we try the module with two firms")).to_be_visible()
    axe_check(marco)
    assert marco.evaluate("document.documentElement.scrollWidth") <= 375

    # The discussion: write and send with the keyboard only.
    workspace.get_by_label("Write to the workspace").focus()
    marco.keyboard.type("Jordi, can you bring the heat pump checklist?")
    marco.keyboard.press("Tab")
    marco.keyboard.press("Enter")
    workspace = marco.locator("article[data-vetnet-workspace]").first
    expect(workspace.get_by_text("Jordi, can you bring the heat pump checklist?")).to_be_visible(timeout=15_000)

    # The library search, then Attach, by keyboard.
    workspace.get_by_label("Find a resource in the course's and the community library").focus()
    marco.keyboard.press("Enter")
    attach = workspace.locator(".vetnet-workspace__found").get_by_role("button", name=re.compile("^Attach"))
    attach.first.wait_for(timeout=15_000)
    title = attach.first.inner_text().split(":", 1)[1].strip()
    attach.first.focus()
    marco.keyboard.press("Enter")
    workspace = marco.locator("article[data-vetnet-workspace]").first
    attached = workspace.locator(".vetnet-workspace__attachments > ul")
    expect(attached).to_contain_text(title, timeout=15_000)
    expect(attached.get_by_role("button", name=re.compile("^Remove"))).to_have_count(2)

    # Opt in to the course community with Space on the box, then Enter on its button.
    box = workspace.get_by_label(re.compile("The whole course community may read"))
    box.focus()
    marco.keyboard.press("Space")
    marco.keyboard.press("Tab")
    marco.keyboard.press("Enter")
    workspace = marco.locator("article[data-vetnet-workspace]").first
    expect(workspace.get_by_label(re.compile("The whole course community may read"))).to_be_checked(timeout=15_000)

    # Invite Claire by her username.
    workspace.get_by_label("Invite a member of the course (username)").fill("claire")
    workspace.get_by_label("Invite a member of the course (username)").press("Enter")
    workspace = marco.locator("article[data-vetnet-workspace]").first
    expect(workspace.locator(".vetnet-workspace__pending")).to_contain_text("invited", timeout=15_000)

    axe_check(marco)
    assert marco.evaluate("document.documentElement.scrollWidth") <= 375
    assert errors == []
