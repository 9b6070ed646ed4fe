"""With scripts off, the toolbox still shows its resources: the server renders the list, its filters and pages."""
import dataclasses

import pytest

from tests.browser.test_toolbox import TOOLBOX, media  # noqa: F401

TITLES = ("Bakery apprenticeship guide", "Carpentry safety sheet", "Digital self-assessment tool",
          "Energy retrofit modules", "Erasmus+ mobility for apprentices")


@pytest.fixture
def toolbox_context(demo_site):
    from devhost import demo  # pylint: disable=import-outside-toplevel

    course = next(c for c in demo_site["courses"] if c.template == demo.DEMO_TEMPLATE)
    return demo._block(course, *demo.TOOLBOX).toolbox_arguments()  # pylint: disable=protected-access


@pytest.fixture
def shared(toolbox_context):
    """Five links shared by Marco, in the demo course's toolbox."""
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    marco = get_user_model().objects.get(username="marco")
    for number, title in enumerate(TITLES):
        api.deposit_resource(user=marco, **toolbox_context, link_url=f"https://example.org/{number}",
                             metadata=api.ResourceMetadata(
                                 title=title, resource_type="document", licence="cc-by",
                                 sectors=("cross_sector",) if number % 2 else ("agrifood",)))


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    yield context.new_page()
    context.close()


def log_in(page, username, password):
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def titles(page):
    return page.locator(".vetnet-toolbox__results .vetnet-toolbox__resource-title").all_inner_texts()


@pytest.mark.browser
def test_the_results_list_without_javascript(demo_site, shared, media, page_without_js, settings):  # noqa: F811
    settings.VETNET_PAGE_SIZE = 4
    page = page_without_js
    log_in(page, "eleni", demo_site["password"])
    page.goto(TOOLBOX)
    toolbox = page.locator(".vetnet-toolbox")
    assert titles(page) == list(reversed(TITLES))[:4]
    toolbox.locator(".vetnet-toolbox__summary").get_by_text("5 resources found.").wait_for()
    assert "Page 1 of 2" in toolbox.locator(".vetnet-toolbox__pages").inner_text()
    # Filters carry their counts.
    sector = toolbox.locator(".vetnet-toolbox__filters").get_by_label("Sector")
    assert "(2)" in sector.locator("option[value='cross_sector']").inner_text()
    assert "(3)" in sector.locator("option[value='agrifood']").inner_text()

    # The page link is a plain link: the next page comes from the server.
    toolbox.get_by_role("link", name="Next page").click()
    page.wait_for_url("**page=2*")
    assert titles(page) == [TITLES[0]]
    assert "Page 2 of 2" in page.locator(".vetnet-toolbox__pages").inner_text()

    # The search form is a plain form: the server answers with the matches, the words kept in the box.
    search = page.locator(".vetnet-toolbox__search")
    search.get_by_label("Search in titles, descriptions and tags").fill("carpentry")
    search.get_by_role("button", name="Search").click()
    page.wait_for_url("**search=carpentry*")
    assert titles(page) == ["Carpentry safety sheet"]
    assert search.get_by_label("Search in titles, descriptions and tags").input_value() == "carpentry"
    item = page.locator(".vetnet-toolbox__resource").first
    assert item.get_by_role("link", name="Open the link").get_attribute("href") == "https://example.org/1"


@pytest.mark.browser
def test_staff_read_the_moderation_queue_without_javascript(demo_site, toolbox_context, media,  # noqa: F811
                                                           page_without_js):
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    api.deposit_resource(user=get_user_model().objects.get(username="eleni"),
                         course_key=toolbox_context["course_key"],
                         context=dataclasses.replace(toolbox_context["context"], moderation="approval"),
                         link_url="https://example.org/video", metadata=api.ResourceMetadata(
                             title="A bakery apprentice's day", resource_type="video", licence="cc-by"))
    page = page_without_js
    log_in(page, "trainer", demo_site["password"])
    page.goto(TOOLBOX)
    queue = page.locator(".vetnet-toolbox__queue")
    queue.get_by_role("heading", name="A bakery apprentice's day").wait_for()
    assert "Waiting for approval" in queue.inner_text()


@pytest.mark.browser
def test_a_resource_s_details_without_javascript(demo_site, shared, media, page_without_js):  # noqa: F811
    page = page_without_js
    log_in(page, "eleni", demo_site["password"])
    page.goto(TOOLBOX + "?search=carpentry")
    page.locator(".vetnet-toolbox__resource").first.get_by_role("link", name="Details, reviews and adoption").click()
    page.wait_for_url("**resource=*")
    details = page.locator(".vetnet-toolbox__resource-details")
    details.get_by_role("heading", name="Carpentry safety sheet").wait_for()
    assert "No reviews yet." in details.inner_text()
    # The forms need the script to be sent: without it they are in the page but not offered.
    assert details.locator("form.vetnet-toolbox__review[hidden]").count() == 1
    assert details.get_by_role("button", name="Save review").count() == 0
    assert details.get_by_role("button", name="I adopted this").count() == 0
    details.get_by_role("link", name="Hide details").click()
    page.wait_for_url("**search=carpentry*")
    assert page.locator(".vetnet-toolbox__resource-details").count() == 0
