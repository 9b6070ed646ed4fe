"""Every page of the development host, and every block on it, fits a phone's width (375 px) and passes axe-core."""
import pytest

PHONE = {"width": 375, "height": 812}
COURSE = "/courses/course-v1:VETNet+CoVP+2026/"

# What scrolls sideways beyond the page, named so a failure says where.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  document.querySelectorAll('body *').forEach((node) => {
    const box = node.getBoundingClientRect();
    if (box.width && box.right > width + 1 && getComputedStyle(node).position !== 'fixed'
        && !node.closest('[hidden]') && node.offsetParent !== null) {
      wide.push(node.tagName.toLowerCase() + (node.className && typeof node.className === 'string'
        ? '.' + node.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(box.right));
    }
  });
  return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 8)};
}"""


def assert_fits(page):
    measured = page.evaluate(OVERFLOW)
    assert measured["scroll"] <= measured["width"], f"{page.url} is {measured['scroll']}px wide: {measured['wide']}"


def host_links(page):
    """The host's own pages linked from this one (not logout, downloads, handlers or other languages)."""
    hrefs = page.eval_on_selector_all("a[href^='/']", "links => links.map(link => link.getAttribute('href'))")
    return {href.split("#")[0] for href in hrefs
            if not href.startswith(("/xblock/", "/i18n/", "/logout", "/admin", "/api/")) and not href.endswith("/olx/")}


def crawl(page, check):
    """
    Open every host page a logged-in person reaches from the dashboard, the
    profile, the course and its directory, calling ``check(page, address)``
    on each; returns the addresses seen.
    """
    seen, queue = set(), ["/", "/profile/", COURSE, f"{COURSE}members/"]
    while queue:
        address = queue.pop(0)
        if address in seen:
            continue
        seen.add(address)
        page.goto(address)
        page.wait_for_load_state("networkidle")
        check(page, address)
        if address.startswith(COURSE) or address == "/":
            queue.extend(sorted(host_links(page) - seen))
    return seen


@pytest.fixture
def phone_page(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.browser
def test_every_page_fits_a_phone_for_a_trainer(demo_site, logged_in_page, phone_page, axe_check, js_errors):
    page = phone_page
    page.goto("/login/")
    assert_fits(page)
    axe_check(page)
    logged_in_page("trainer")

    def check(page, _address):
        assert_fits(page)
        axe_check(page)

    seen = crawl(page, check)
    assert any("/units/" in address for address in seen) and any("/studio/" in address for address in seen)
    assert js_errors == []


@pytest.mark.browser
def test_the_toolbox_panels_and_the_member_directory_fit_a_phone(demo_site, logged_in_page, phone_page, axe_check,
                                                                 js_errors):
    page = phone_page
    logged_in_page("trainer")
    page.goto(f"{COURSE}members/")
    page.get_by_role("button", name="Show members").wait_for()
    assert_fits(page)
    page.goto(f"{COURSE}units/sharing_toolbox/")
    toolbox = page.locator(".vetnet-toolbox")
    for tab in ("Find resources", "Share a resource", "Collections", "Moderation"):
        toolbox.locator(".vetnet-toolbox__tabs").get_by_role("button", name=tab).click()
        page.wait_for_load_state("networkidle")
        assert_fits(page)
        axe_check(page)
    assert js_errors == []
