"""A member shares a document in the toolbox and another finds, rates, adopts and downloads it, in Chromium."""
import pytest

COURSE = "/courses/course-v1:VETNet+CoVP+2026/"
TOOLBOX = f"{COURSE}units/sharing_toolbox/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.mark.browser
def test_share_find_rate_adopt_download(demo_site, media, logged_in_page, axe_check, js_errors, page, tmp_path):
    document = tmp_path / "bakery-apprenticeships.pdf"
    document.write_bytes(PDF)

    logged_in_page("marco")
    page.goto(TOOLBOX)
    toolbox = page.locator(".vetnet-toolbox")
    axe_check(page)
    toolbox.get_by_role("button", name="Share a resource").click()
    form = toolbox.locator(".vetnet-toolbox__deposit")
    form.get_by_label("Title").fill("Apprenticeships in small bakeries")
    form.get_by_label("Description").fill("A guide for **craft bakeries** that host apprentices.")
    form.get_by_label("Upload a file").set_input_files(str(document))
    form.get_by_label("Resource type").select_option("document")
    form.get_by_label("Licence").select_option("cc-by-sa")
    form.get_by_label("Country").select_option("IT")
    form.get_by_label("Target group").select_option("trainers")
    form.get_by_label("EQF level 3").check()
    form.get_by_label("EQF level 4").check()
    form.get_by_label("Sectors").select_option(["agrifood", "retail_trade"])
    form.get_by_label("Languages").select_option(["it", "en"])
    form.get_by_label("Tags").fill("bakery, apprenticeship")
    axe_check(page)
    form.get_by_role("button", name="Share the resource").click()
    toolbox.get_by_text("Thank you: your resource is published.").wait_for()

    page.context.clear_cookies()
    logged_in_page("eleni")
    page.goto(TOOLBOX)
    toolbox = page.locator(".vetnet-toolbox")
    results = toolbox.locator(".vetnet-toolbox__results")
    results.get_by_role("heading", name="Apprenticeships in small bakeries").wait_for()
    filters = toolbox.locator(".vetnet-toolbox__filters")
    sector = filters.get_by_label("Sector")
    sector.select_option("agrifood")
    toolbox.locator(".vetnet-toolbox__summary").get_by_text("1 resource found.").wait_for()
    assert "(1)" in sector.locator("option[value='agrifood']").inner_text()
    filters.get_by_label("EQF level").select_option("4")
    toolbox.locator(".vetnet-toolbox__summary").get_by_text("1 resource found.").wait_for()
    axe_check(page)

    item = results.locator(".vetnet-toolbox__resource").first
    item.get_by_role("button", name="Details, reviews and adoption").click()
    item.get_by_text("5★").click()
    item.get_by_label("Your review (optional)").fill("Clear and easy to adapt.")
    item.get_by_role("button", name="Save review").click()
    item.locator(".vetnet-toolbox__reviews").get_by_text("Clear and easy to adapt.").wait_for()
    # The form the server renders again keeps what the member wrote.
    assert item.get_by_label("Your review (optional)").input_value() == "Clear and easy to adapt."
    assert item.get_by_label("5★").is_checked()
    item.get_by_role("button", name="I adopted this").click()
    item.get_by_label("How did it go?").wait_for()
    item.get_by_label("How did it go?").select_option("success")
    item.get_by_label("What happened (optional)").fill("Two bakeries use it.")
    item.get_by_role("button", name="Report").click()
    toolbox.get_by_text("Thank you for reporting how the adoption went.").wait_for()
    axe_check(page)
    page.reload()
    summary = toolbox.locator(".vetnet-toolbox__resource").first
    summary.get_by_text("5 out of 5 stars (1 rating)").wait_for()
    assert "Adopted 1 time" in summary.inner_text() and "ratings)" not in summary.inner_text()

    with page.expect_download() as download_info:
        item.get_by_role("link", name="Download (bakery-apprenticeships.pdf)").click()
    download = download_info.value
    assert download.suggested_filename == "bakery-apprenticeships.pdf"
    assert open(download.path(), "rb").read() == PDF

    toolbox.get_by_role("button", name="Collections").click()
    toolbox.get_by_label("New collection").fill("Bakery picks")
    toolbox.get_by_role("button", name="Create").click()
    toolbox.locator(".vetnet-toolbox__collections").get_by_text("Bakery picks").wait_for()
    axe_check(page)

    page.context.clear_cookies()
    logged_in_page("trainer")
    page.goto(TOOLBOX)
    toolbox = page.locator(".vetnet-toolbox")
    toolbox.get_by_role("button", name="Moderation").click()
    toolbox.get_by_text("Nothing waits for moderation.").wait_for()
    axe_check(page)
    assert js_errors == []
