"""A member opens a shared collection, removes a resource from it, and sees counts change without a reload."""
import pytest

COURSE = "/courses/course-v1:VETNet+CoVP+2026/"
TOOLBOX = f"{COURSE}units/sharing_toolbox/"


@pytest.fixture
def collection(demo_site):
    """Marco's course collection of two links, deposited in the demo toolbox."""
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from devhost import demo  # pylint: disable=import-outside-toplevel
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    course = next(c for c in demo_site["courses"] if c.template == demo.DEMO_TEMPLATE)
    where = demo._block(course, *demo.TOOLBOX).toolbox_arguments()  # pylint: disable=protected-access
    marco = get_user_model().objects.get(username="marco")
    made = api.create_collection(user=marco, **where, title="Craft picks", visibility="course")
    for title in ("Bakery guide", "Welding checklist"):
        resource = api.deposit_resource(user=marco, **where, link_url=f"https://example.org/{len(title)}",
                                        metadata=api.ResourceMetadata(title=title, resource_type="document",
                                                                      licence="cc-by"))
        api.add_to_collection(user=marco, **where, collection_uuid=made.uuid, resource_uuid=resource.uuid)
    return made


@pytest.mark.browser
def test_the_owner_opens_the_collection_and_removes_a_resource(collection, logged_in_page, page, axe_check,
                                                               js_errors):
    logged_in_page("marco")
    page.goto(TOOLBOX)
    toolbox = page.locator(".vetnet-toolbox")
    toolbox.get_by_role("button", name="Collections").click()
    item = toolbox.locator(".vetnet-toolbox__collection", has_text="Craft picks")
    item.get_by_text("Who may see it: Members of this course").wait_for()
    item.get_by_role("button", name="Open the collection").click()
    contents = item.locator(".vetnet-toolbox__collection-contents")
    contents.get_by_role("heading", name="Bakery guide").wait_for()
    contents.get_by_role("heading", name="Welding checklist").wait_for()
    axe_check(page)
    contents.locator(".vetnet-toolbox__resource", has_text="Bakery guide").get_by_role(
        "button", name="Remove from the collection").click()
    toolbox.get_by_text("Removed from the collection.").wait_for()
    contents.get_by_role("heading", name="Bakery guide").wait_for(state="detached")
    contents.get_by_role("heading", name="Welding checklist").wait_for()
    item.get_by_text("1 resource", exact=False).first.wait_for()
    assert js_errors == []


@pytest.mark.browser
def test_a_classmate_sees_the_collection_but_no_remove_button(collection, logged_in_page, page, js_errors):
    logged_in_page("eleni")
    page.goto(TOOLBOX)
    toolbox = page.locator(".vetnet-toolbox")
    toolbox.get_by_role("button", name="Collections").click()
    item = toolbox.locator(".vetnet-toolbox__collection", has_text="Craft picks")
    item.get_by_role("button", name="Open the collection").click()
    item.get_by_role("heading", name="Bakery guide").wait_for()
    assert item.get_by_role("button", name="Remove from the collection").count() == 0
    assert js_errors == []


@pytest.mark.browser
def test_rating_and_adopting_update_the_listed_counts_without_a_reload(collection, logged_in_page, page,
                                                                      axe_check, js_errors):
    logged_in_page("eleni")
    page.goto(TOOLBOX)
    item = page.locator(".vetnet-toolbox__results .vetnet-toolbox__resource", has_text="Bakery guide")
    stats = item.locator("> .vetnet-toolbox__stats")
    stats.get_by_text("Not rated yet").wait_for()
    item.get_by_role("button", name="Details, reviews and adoption").click()
    item.get_by_text("4★").click()
    item.get_by_role("button", name="Save review").click()
    page.get_by_text("Your review is saved.").wait_for()
    stats.get_by_text("4 out of 5 stars").wait_for()
    item.get_by_role("button", name="I adopted this").click()
    page.get_by_text("Marked as adopted.", exact=False).wait_for()
    stats.get_by_text("Adopted 1 time").wait_for()
    axe_check(page)
    assert js_errors == []


@pytest.mark.browser
def test_forms_in_the_details_the_address_names_are_sent_and_shown_again_in_place(collection, logged_in_page, page,
                                                                                  axe_check, js_errors):
    from vetnet_plugin.toolbox.models import Resource  # pylint: disable=import-outside-toplevel

    uuid = Resource.objects.get(title="Bakery guide").uuid
    logged_in_page("eleni")
    page.goto(f"{TOOLBOX}?resource={uuid}")
    details = page.locator(".vetnet-toolbox__resource-details")
    details.get_by_role("heading", name="Bakery guide").wait_for()
    details.get_by_text("3★").click()
    details.get_by_label("Your review (optional)").fill("Handy for our first intake.")
    details.get_by_role("button", name="Save review").click()
    page.get_by_text("Your review is saved.").wait_for()
    details.locator(".vetnet-toolbox__reviews").get_by_text("Handy for our first intake.").wait_for()
    # Shown again in place: the heading and the way back stay, the listed counts change.
    details.get_by_role("heading", name="Bakery guide").wait_for()
    assert details.get_by_role("link", name="Hide details").count() == 1
    listed = page.locator(".vetnet-toolbox__results .vetnet-toolbox__resource", has_text="Bakery guide")
    listed.locator("> .vetnet-toolbox__stats").get_by_text("3 out of 5 stars").wait_for()
    axe_check(page)

    logged_in_page("marco")
    page.goto(f"{TOOLBOX}?resource={uuid}")
    details.get_by_label("or new link").fill("https://example.org/bakery-guide-v2")
    details.get_by_label("What changed").fill("Updated contacts")
    details.get_by_role("button", name="Save the new version").click()
    page.get_by_text("The new version is saved", exact=False).wait_for()
    details.get_by_text("Version 2 — Updated contacts").wait_for()
    details.get_by_label("Add to collection").select_option(label="Craft picks")
    details.get_by_role("button", name="Add", exact=True).click()
    page.get_by_text("Added to the collection.").wait_for()
    assert js_errors == []
