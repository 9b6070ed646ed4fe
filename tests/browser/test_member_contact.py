"""A member writes to another from the member directory; the platform e-mails them, no address is shown."""
import pytest

MEMBERS = "/courses/course-v1:VETNet+CoVP+2026/members/"


@pytest.mark.browser
def test_a_member_writes_to_a_member_open_to_counselling(demo_site, logged_in_page, page, axe_check, js_errors,
                                                         mailoutbox):
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    eleni = get_user_model().objects.get(username="eleni")
    logged_in_page("marco")
    page.goto(f"{MEMBERS}?search=Papadopoulou")
    card = page.locator(".card", has=page.get_by_role("heading", name="Eleni Papadopoulou"))
    card.get_by_text("Write to Eleni Papadopoulou").click()
    axe_check(page)
    assert eleni.email not in page.content()
    card.get_by_label("About").select_option("counselling")
    card.get_by_label("Your message").fill("How do your members train staff for the summer season?")
    card.get_by_role("button", name="Send the message").click()
    page.get_by_text("Your message is sent.", exact=False).wait_for()
    axe_check(page)
    assert [message.to for message in mailoutbox] == [[eleni.email]]
    assert eleni.email not in page.content()
    # Marco is not open to partnerships: nobody may write to him about one.
    page.context.clear_cookies()
    logged_in_page("eleni")
    page.goto(f"{MEMBERS}?search=Bianchi")
    card = page.locator(".card", has=page.get_by_role("heading", name="Marco Bianchi"))
    card.get_by_text("Write to Marco Bianchi").click()
    assert card.get_by_label("About").locator("option").all_inner_texts() == ["Peer counselling"]
    assert js_errors == []
